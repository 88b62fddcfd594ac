package io.fileintegrity.k8s.bridge.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's writes, counted on the CRUD mock API server: one write per unchanged scan. */
@EnableKubernetesMockClient(crud = true, https = false)
class NodeStatusChannelMockTest {

    private static final AgentIdentity ID = new AgentIdentity("fio", "example", "worker-1");

    KubernetesClient client;
    KubernetesMockServer server;
    private final GzipBase64ReportService reports = new GzipBase64ReportService();
    private NodeStatusChannel channel;

    @BeforeEach
    void setUp() {
        channel = new NodeStatusChannel(client, ID, reports, Clock.systemUTC());
        channel.load();
    }

    private static ScanResult check(Outcome outcome, ChangeCounts counts, String report) {
        ScanResult.Builder b = ScanResult.builder("aide", ScanMode.CHECK).counts(counts).report(report);
        return outcome == Outcome.ERRORED ? b.errored(report).build() : b.outcome(outcome).build();
    }

    private FileIntegrityNodeStatus status() {
        return client.resources(FileIntegrityNodeStatus.class).inNamespace("fio").withName("example-worker-1").get();
    }

    private ConfigMap failureConfigMap() {
        return client.configMaps().inNamespace("fio").withName("aide-example-worker-1-failed").get();
    }

    @Test
    void mockFirstResultCreatesTheNodeStatusAsFioNamesIt() {
        channel.publish(check(Outcome.SUCCEEDED, ChangeCounts.NONE, ""));
        FileIntegrityNodeStatus status = status();
        assertEquals("worker-1", status.getNodeName());
        assertEquals(NodeCondition.Succeeded, status.lastCondition());
        assertEquals("example", status.getMetadata().getLabels().get(Labels.OWNER));
    }

    @Test
    void mockUnchangedScanCostsExactlyOneApiRequest() {
        channel.publish(check(Outcome.SUCCEEDED, ChangeCounts.NONE, ""));
        int before = server.getRequestCount();
        channel.publish(check(Outcome.SUCCEEDED, ChangeCounts.NONE, ""));
        assertEquals(1, server.getRequestCount() - before);
        assertEquals(1, status().getResults().size());
    }

    @Test
    void mockFailedScanWritesTheFailureConfigMapOnceAndRepeatsCostOneRequest() {
        channel.publish(check(Outcome.SUCCEEDED, ChangeCounts.NONE, ""));
        String log = "AIDE found differences between database and filesystem!!\n  Changed entries:\t1\n";
        channel.publish(check(Outcome.FAILED, new ChangeCounts(0, 1, 0), log));
        ConfigMap cm = failureConfigMap();
        assertEquals(log, cm.getData().get("integritylog"));
        assertEquals("1", cm.getMetadata().getAnnotations().get(Labels.FILES_CHANGED));
        FileIntegrityNodeStatus status = status();
        assertEquals(List.of(NodeCondition.Succeeded, NodeCondition.Failed),
                status.getResults().stream().map(r -> r.getCondition()).toList());
        assertEquals("aide-example-worker-1-failed", status.getLastResult().getResultConfigMapName());
        assertEquals(1, status.getLastResult().getFilesChanged());
        int before = server.getRequestCount();
        // the same differences found again: AIDE's log differs only in its timestamps
        channel.publish(check(Outcome.FAILED, new ChangeCounts(0, 1, 0), log + "End timestamp: a minute later\n"));
        assertEquals(1, server.getRequestCount() - before);
        channel.publish(check(Outcome.FAILED, new ChangeCounts(1, 1, 0), log + "  Added entries:\t1\n"));
        assertEquals("1", failureConfigMap().getMetadata().getAnnotations().get(Labels.FILES_ADDED),
                "a new failure rewrites the log");
    }

    @Test
    void mockLargeLogIsStoredCompressedWithTheAnnotation() throws IOException {
        String log = "changed: /hostroot/etc/" + "x".repeat(GzipBase64ReportService.LIMIT) + "\n";
        channel.publish(check(Outcome.FAILED, new ChangeCounts(1, 0, 0), log));
        ConfigMap cm = failureConfigMap();
        assertEquals("", cm.getMetadata().getAnnotations().get(Labels.COMPRESSED));
        assertEquals(log, reports.decodeConfigMapLog(new ConfigMapLog(cm.getData().get("integritylog"), true)));
    }

    @Test
    void mockLogTooLargeEvenCompressedStoresFiosSentenceAsPlainText() {
        byte[] noise = new byte[1_200_000];
        new java.util.Random(7).nextBytes(noise);
        String log = java.util.Base64.getEncoder().encodeToString(noise);
        channel.publish(check(Outcome.FAILED, new ChangeCounts(1, 0, 0), log));
        ConfigMap cm = failureConfigMap();
        String data = cm.getData().get("integritylog");
        assertTrue(data.startsWith("compressed, encoded AIDE log is too large for a configMap ("), data);
        assertTrue(data.endsWith(" - fetch it from /etc/kubernetes/aide.log on node " + ID.node()), data);
        assertNull(cm.getMetadata().getAnnotations() == null ? null
                : cm.getMetadata().getAnnotations().get(Labels.COMPRESSED));
    }

    @Test
    void mockErroredScanIsErroredWithItsMessageAndNoConfigMap() {
        channel.publish(check(Outcome.ERRORED, ChangeCounts.NONE, "/hostroot/etc/kubernetes/aide.db.gz: baseline missing"));
        assertEquals(NodeCondition.Errored, status().lastCondition());
        assertEquals("/hostroot/etc/kubernetes/aide.db.gz: baseline missing", status().getLastResult().getErrorMessage());
        assertNull(failureConfigMap());
    }

    @Test
    void mockSucceededInitOnlyAcknowledgesTheReinitToken() {
        channel.publish(check(Outcome.SUCCEEDED, ChangeCounts.NONE, ""));
        channel.applied(1234L);
        int before = server.getRequestCount();
        channel.publish(ScanResult.builder("aide", ScanMode.INITIALIZE).build());
        assertEquals(1, server.getRequestCount() - before);
        assertEquals("1234", status().getMetadata().getAnnotations().get(Labels.REINIT_APPLIED));
        before = server.getRequestCount();
        channel.publish(ScanResult.builder("aide", ScanMode.INITIALIZE).build());
        assertEquals(0, server.getRequestCount() - before, "nothing new to say");
    }

    @Test
    void mockRestartedAgentContinuesTheExistingStatus() {
        channel.publish(check(Outcome.FAILED, new ChangeCounts(2, 0, 0), "log"));
        NodeStatusChannel restarted = new NodeStatusChannel(client, ID, reports, Clock.systemUTC());
        assertTrue(restarted.load());
        restarted.publish(check(Outcome.SUCCEEDED, ChangeCounts.NONE, ""));
        assertEquals(List.of(NodeCondition.Failed, NodeCondition.Succeeded),
                status().getResults().stream().map(r -> r.getCondition()).toList());
    }
}
