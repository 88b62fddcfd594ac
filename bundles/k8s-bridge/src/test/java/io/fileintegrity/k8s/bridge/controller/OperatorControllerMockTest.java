package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The elected operator end to end on the CRUD mock server: Lease, informers, queue and reconciler together. */
@EnableKubernetesMockClient(crud = true, https = false)
class OperatorControllerMockTest {

    KubernetesClient client;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    @Test
    void mockElectedOperatorReconcilesWhatInformersSee() throws InterruptedException {
        OperatorFixture op = new OperatorFixture(client);
        op.node("worker-1", Map.of(), Map.of());
        OperatorController controller = new OperatorController(client, op.reconciler, NS, Duration.ofSeconds(30), op.metrics);
        try (LeaderElection election = new LeaderElection(client, NS, LeaderElection.DEFAULT_LEASE, "test-operator",
                controller::start, controller::stop)) {
            await("the lease", () -> {
                Lease lease = client.leases().inNamespace(NS).withName(LeaderElection.DEFAULT_LEASE).get();
                return lease != null && "test-operator".equals(lease.getSpec().getHolderIdentity());
            });
            op.createNamed("example");
            await("the DaemonSet", () -> client.apps().daemonSets().inNamespace(NS).withName("aide-example").get() != null);
            op.markReady("aide-example", 1);
            await("phase Active", () -> {
                FileIntegrity fi = op.get("example");
                return fi.getStatus() != null && fi.getStatus().getPhase() == FileIntegrityPhase.Active;
            });
            client.apps().daemonSets().inNamespace(NS).withName("aide-example").delete();
            await("the DaemonSet back", () -> client.apps().daemonSets().inNamespace(NS).withName("aide-example").get() != null);
        } finally {
            controller.stop();
        }
        assertEquals(2, op.metrics.value("daemonset_update_total", Map.of("operation", "update")));
    }
}
