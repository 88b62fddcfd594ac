package io.fileintegrity.k8s.bridge.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import io.fileintegrity.k8s.bridge.desired.ProviderConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent following its FileIntegrity on the CRUD mock server, with the engine's side recorded. */
@EnableKubernetesMockClient(crud = true, https = false)
class AgentFollowerMockTest {

    private static final AgentIdentity ID = new AgentIdentity("fio", "example", "worker-1");

    KubernetesClient client;
    @TempDir
    Path state;
    private final List<Map<String, Object>> applied = new ArrayList<>();
    private final RecordingTarget target = new RecordingTarget(ID.targetId(), true);
    private NodeStatusChannel channel;
    private AgentFollower follower;

    @BeforeEach
    void setUp() {
        channel = new NodeStatusChannel(client, ID, new GzipBase64ReportService(), Clock.systemUTC());
        channel.load();
        follower = new AgentFollower(client, ID, "/hostroot", state, properties -> applied.add(properties), channel,
                targetId -> targetId.equals(ID.targetId()) ? Optional.of(target) : Optional.empty(), 30);
    }

    private FileIntegrity createFileIntegrity(int gracePeriod) {
        FileIntegrity fi = FileIntegrities.named("fio", "example");
        fi.getSpec().getConfig().setGracePeriod(gracePeriod);
        return client.resource(fi).create();
    }

    private void configMap(String text, String requests) {
        ConfigMap cm = ProviderConfigMap.build(FileIntegrities.named("fio", "example"), text);
        if (requests != null) {
            cm.getMetadata().setAnnotations(Map.of(Labels.REINIT_REQUESTS, requests));
        }
        client.configMaps().resource(cm).createOr(c -> c.update());
    }

    @Test
    void mockAgentOnAnOpenShiftNodeWaitsForStaticPodResourcesBeforeTheFirstScan(@TempDir Path host) throws IOException {
        Files.createDirectories(host.resolve("etc/machine-config-daemon"));
        AgentFollower onOpenShift = new AgentFollower(client, ID, host.toString(), state, applied::add, channel,
                targetId -> Optional.of(target), 0);
        createFileIntegrity(900);
        configMap("/hostroot/etc CONTENT_EX", null);
        assertEquals(AgentFollower.Outcome.WAITING_FOR_NODE_SETUP, onOpenShift.sync());
        assertEquals(List.of(), applied);
        Files.createDirectories(host.resolve("etc/kubernetes/static-pod-resources"));
        assertEquals(AgentFollower.Outcome.APPLIED, onOpenShift.sync());
        assertEquals(1, applied.size());
    }

    @Test
    void mockInitialDelayOfTheFileIntegrityReachesTheEngine() throws IOException {
        FileIntegrity fi = FileIntegrities.named("fio", "example");
        fi.getSpec().getConfig().setInitialDelay(120);
        client.resource(fi).create();
        configMap("/hostroot/etc CONTENT_EX", null);
        assertEquals(AgentFollower.Outcome.APPLIED, follower.sync());
        assertEquals(120L, applied.get(0).get("initialDelaySeconds"));
    }

    @Test
    void mockAgentWaitsForTheFileIntegrityAndTheOperatorsConfig() throws IOException {
        assertEquals(AgentFollower.Outcome.WAITING_FOR_FILEINTEGRITY, follower.sync());
        createFileIntegrity(900);
        assertEquals(AgentFollower.Outcome.WAITING_FOR_CONFIG, follower.sync());
        assertEquals(List.of(), applied);
    }

    @Test
    void mockAgentWritesTheConfigFileAndConfiguresTheEngineTarget() throws IOException {
        createFileIntegrity(5);
        configMap("/hostroot/etc CONTENT_EX", null);
        assertEquals(AgentFollower.Outcome.APPLIED, follower.sync());
        Path file = state.resolve("fio-example/aide.conf");
        assertEquals("/hostroot/etc CONTENT_EX", Files.readString(file));
        Map<String, Object> p = applied.get(0);
        assertEquals("fio/example/worker-1", p.get("id"));
        assertEquals("aide", p.get("provider"));
        assertEquals("/hostroot", p.get("hostRoot"));
        assertEquals(file.toString(), p.get("configFile"));
        assertEquals("fio/example:aide.conf", p.get("configSource"));
        assertEquals(state.resolve("fio-example/aide").toString(), p.get("stateDirectory"));
        assertEquals(10L, p.get("intervalSeconds"), "FIO's minimum grace period");
        assertEquals(5, p.get("maxBackups"));
        assertEquals(false, p.get("paused"));
        assertEquals(30, p.get("maxCpuPercent"), "the agent's CPU cap reaches the engine");
    }

    @Test
    void mockHoldoffOfThisNodePausesTheLoop() throws IOException {
        createFileIntegrity(900);
        configMap("x", null);
        client.resources(FileIntegrity.class).inNamespace("fio").withName("example").edit(f -> {
            f.getMetadata().setAnnotations(Map.of(Labels.HOLDOFF, "worker-2,WORKER-1"));
            return f;
        });
        follower.sync();
        assertEquals(true, applied.get(0).get("paused"));
    }

    @Test
    void mockReinitRequestReachesATargetWithoutBaselineFacts() throws IOException {
        RecordingTarget noFacts = new RecordingTarget(ID.targetId(), false); // ima, ostree, or just restarted
        AgentFollower agent = new AgentFollower(client, ID, "/hostroot", state, applied::add, channel,
                targetId -> Optional.of(noFacts), 0);
        createFileIntegrity(900);
        configMap("x", "worker-1=100");
        assertEquals(AgentFollower.Outcome.APPLIED, agent.sync());
        assertEquals(1, noFacts.reinitRequests, "the request is not acknowledged without being passed on");
        assertEquals(100, channel.applied());
    }

    @Test
    void mockReinitRequestForThisNodeIsPassedToTheTargetOnce() throws IOException {
        createFileIntegrity(900);
        configMap("x", "worker-2=50,worker-1=100");
        follower.sync();
        follower.sync();
        assertEquals(1, target.reinitRequests);
        assertEquals(100, channel.applied());
        configMap("x", "*=200,worker-1=100");
        follower.sync();
        assertEquals(2, target.reinitRequests);
        assertEquals(200, channel.applied());
    }
}
