package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node results to events and metrics, deleted nodes, and the MachineConfig holdoff, on the CRUD mock server. */
@EnableKubernetesMockClient(crud = true, https = false)
class NodeReportsMockTest {

    KubernetesClient client;

    private static final Map<String, String> UPDATING = Map.of(Labels.MCO_CURRENT_CONFIG, "rendered-1",
            Labels.MCO_DESIRED_CONFIG, "rendered-2", Labels.MCO_STATE, "Working");
    private static final Map<String, String> DONE = Map.of(Labels.MCO_CURRENT_CONFIG, "rendered-2",
            Labels.MCO_DESIRED_CONFIG, "rendered-2", Labels.MCO_STATE, "Done");

    @Test
    void mockNodeEventsFollowFiosRulesAndRepeatNothing() {
        OperatorFixture op = new OperatorFixture(client);
        op.node("n1", Map.of(), Map.of());
        op.createNamed("fi");
        op.nodeResult("fi", "n1", NodeCondition.Succeeded, 0, 0, null, 0);
        op.reconcile("fi");
        op.nodeResult("fi", "n1", NodeCondition.Succeeded, 0, 0, null, 0);
        op.reconcile("fi");
        op.nodeResult("fi", "n1", NodeCondition.Failed, 1, 2, null, 0);
        op.reconcile("fi");
        op.nodeResult("fi", "n1", NodeCondition.Failed, 1, 2, null, 0);
        op.reconcile("fi");
        op.nodeResult("fi", "n1", NodeCondition.Failed, 1, 3, null, 0);
        op.reconcile("fi");
        op.nodeResult("fi", "n1", NodeCondition.Errored, 0, 0, "AIDE error: 17 Invalid configureline error", 0);
        op.reconcile("fi");
        assertEquals(List.of(
                "Normal no changes to node n1",
                "Warning node n1 has changed! a:1,c:2,r:0 log:" + NS + "/aide-fi-n1-failed",
                "Warning node n1 has changed! a:1,c:3,r:0 log:" + NS + "/aide-fi-n1-failed",
                "Warning node n1 has an error! AIDE error: 17 Invalid configureline error"), op.events("NodeIntegrityStatus"));
        assertEquals(2, op.metrics.value("node_status_total", Map.of("condition", "Failed", "node", "n1")));
        assertEquals(1, op.metrics.value("node_failed", Map.of("node", "n1")), "Errored leaves the gauge alone");
        assertEquals(1, op.metrics.value("node_status_error_total", Map.of("error", "config", "node", "n1")));
    }

    @Test
    void mockAfterARestartOnlyFailedNodesAreReportedAgain() {
        OperatorFixture before = new OperatorFixture(client);
        before.node("n1", Map.of(), Map.of());
        before.node("n2", Map.of(), Map.of());
        before.createNamed("fi");
        before.nodeResult("fi", "n1", NodeCondition.Failed, 1, 0, null, 0);
        before.nodeResult("fi", "n2", NodeCondition.Succeeded, 0, 0, null, 0);
        OperatorFixture restarted = new OperatorFixture(client, Instant.now().plusSeconds(5), "aide");
        restarted.reconcile("fi");
        assertEquals(List.of("Warning node n1 has changed! a:1,c:0,r:0 log:" + NS + "/aide-fi-n1-failed"),
                restarted.events("NodeIntegrityStatus"));
        assertEquals(1, restarted.metrics.value("node_failed", Map.of("node", "n1")));
    }

    @Test
    void mockStatusesOfDeletedNodesAreRemoved() {
        OperatorFixture op = new OperatorFixture(client);
        op.node("n1", Map.of(), Map.of());
        op.node("n2", Map.of(), Map.of());
        op.createNamed("fi");
        op.nodeResult("fi", "n1", NodeCondition.Succeeded, 0, 0, null, 0);
        op.nodeResult("fi", "n2", NodeCondition.Failed, 1, 0, null, 0);
        client.nodes().withName("n2").delete();
        op.reconcile("fi");
        assertNull(client.resources(FileIntegrityNodeStatus.class).inNamespace(NS).withName("fi-n2").get());
        assertEquals("n1", client.resources(FileIntegrityNodeStatus.class).inNamespace(NS).withName("fi-n1").get().getNodeName());
    }

    @Test
    void mockNodeUnderMachineConfigUpdateIsHeldOffThenReinitialized() {
        OperatorFixture op = new OperatorFixture(client);
        op.node("w1", Map.of("node-role.kubernetes.io/worker", ""), UPDATING);
        op.node("m1", Map.of("node-role.kubernetes.io/master", ""), UPDATING);
        FileIntegrity fi = FileIntegrities.named(NS, "fi");
        fi.getSpec().setNodeSelector(Map.of("node-role.kubernetes.io/worker", ""));
        op.create(fi);
        op.reconcile("fi");
        assertEquals("w1", op.get("fi").getMetadata().getAnnotations().get(Labels.HOLDOFF), "only selected nodes");
        assertEquals(1, op.metrics.value("pause_total", Map.of("node", "w1")));
        op.node("w1", Map.of("node-role.kubernetes.io/worker", ""), DONE);
        op.reconcile("fi");
        assertNull(op.get("fi").getMetadata().getAnnotations().get(Labels.HOLDOFF));
        String requests = client.configMaps().inNamespace(NS).withName("fi").get().getMetadata().getAnnotations()
                .get(Labels.REINIT_REQUESTS);
        assertTrue(requests.startsWith("w1="), requests);
        assertEquals(1, op.metrics.value("unpause_total", Map.of("node", "w1")));
        assertEquals(1, op.metrics.value("reinit_total", Map.of("by", "node", "node", "w1")));
    }

    @Test
    void mockNodesWithoutMachineConfigAnnotationsAreNeverHeldOff() {
        OperatorFixture op = new OperatorFixture(client);
        op.node("plain", Map.of(), Map.of(Labels.MCO_STATE, "Working"));
        op.createNamed("fi");
        op.reconcile("fi");
        Map<String, String> annotations = op.get("fi").getMetadata().getAnnotations();
        assertTrue(annotations == null || !annotations.containsKey(Labels.HOLDOFF));
    }
}
