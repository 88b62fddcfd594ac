package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityConfig;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the operator adjusts or ignores in a spec is told in status.message and one Warning event (mock server). */
@EnableKubernetesMockClient(crud = true, https = false)
class SpecNotesMockTest {

    KubernetesClient client;
    private OperatorFixture op;

    @BeforeEach
    void setUp() {
        op = new OperatorFixture(client);
        op.node("worker-1", Map.of(), Map.of());
    }

    private FileIntegrity withConfig(String name, FileIntegrityConfig config) {
        FileIntegrity fi = FileIntegrities.named(NS, name);
        fi.getSpec().setConfig(config);
        return op.create(fi);
    }

    private static String interval(KubernetesClient client, String ds) {
        return client.apps().daemonSets().inNamespace(NS).withName(ds).get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getArgs().stream().filter(a -> a.startsWith("--interval=")).findFirst().orElseThrow();
    }

    @Test
    void mockGracePeriodBelowTenIsRaisedAndSaidOnceInStatusAndEvent() {
        FileIntegrityConfig config = new FileIntegrityConfig();
        config.setGracePeriod(3);
        withConfig("fast", config);
        op.reconcile("fast");
        op.reconcile("fast");
        assertEquals("--interval=10", interval(client, "aide-fast"));
        String note = "spec.config.gracePeriod 3 is below the minimum of 10; checking every 10 seconds";
        assertEquals(note, op.get("fast").getStatus().getMessage());
        assertEquals(FileIntegrityPhase.Initializing, op.get("fast").getStatus().getPhase(), "not an error, as in FIO");
        assertEquals(List.of("Warning " + note), op.events(SpecNotes.GRACE_PERIOD));
    }

    @Test
    void mockMissingUserConfigMapKeepsTheDefaultAndSaysSoUntilItAppears() {
        FileIntegrityConfig config = new FileIntegrityConfig();
        config.setName("mine");
        config.setNamespace(NS);
        withConfig("user", config);
        op.reconcile("user");
        op.reconcile("user");
        String note = "ConfigMap openshift-file-integrity/mine:aide.conf not found; keeping the current configuration";
        assertEquals(note, op.get("user").getStatus().getMessage());
        assertEquals(List.of("Warning " + note), op.events(SpecNotes.CONFIG_MISSING));

        op.userConfigMap("mine", "aide.conf", "/etc R\n");
        op.reconcile("user");
        assertNull(op.get("user").getStatus().getMessage());
        assertTrue(client.configMaps().inNamespace(NS).withName("user").get().getData().get("aide.conf")
                .startsWith("/hostroot/etc R"));
    }

    @Test
    void aGracePeriodOfTenOrMoreGivesNoNote() {
        FileIntegrity fi = FileIntegrities.named(NS, "ok");
        FileIntegrityConfig config = new FileIntegrityConfig();
        config.setGracePeriod(10);
        fi.getSpec().setConfig(config);
        assertEquals(List.of(), SpecNotes.of(fi, null));
        assertNull(SpecNotes.message(List.of()));
    }
}
