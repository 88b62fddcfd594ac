package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An operator with nothing to do sends nothing: reconciles (here every second, from the informers' resync) read
 * the informers' caches, and write only differences. The same run reading straight from the API server is the
 * control that shows the count would see the reads.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class IdleOperatorMockTest {

    KubernetesClient client;
    KubernetesMockServer server;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    /** Requests the API server got during three seconds of an idle, Active FileIntegrity. */
    private int idleRequests(ClusterReads reads, InformerReads bound) throws InterruptedException {
        OperatorFixture op = new OperatorFixture(client, reads, Instant.EPOCH, "aide");
        op.node("worker-1", Map.of(), Map.of());
        OperatorController controller = new OperatorController(client, op.reconciler, NS, Duration.ofSeconds(1),
                op.metrics, bound);
        controller.start();
        try {
            op.createNamed("example");
            await("the DaemonSet", () -> client.apps().daemonSets().inNamespace(NS).withName("aide-example").get() != null);
            op.markReady("aide-example", 1);
            await("phase Active", () -> {
                FileIntegrity fi = op.get("example");
                return fi.getStatus() != null && fi.getStatus().getPhase() == FileIntegrityPhase.Active;
            });
            Thread.sleep(1500); // let the watch events of the test's own writes settle
            int before = server.getRequestCount();
            Thread.sleep(3000); // three informer resyncs: three reconciles of "example"
            return server.getRequestCount() - before;
        } finally {
            controller.stop();
        }
    }

    @Test
    void mockIdleOperatorReadingFromInformerCachesSendsNoRequest() throws InterruptedException {
        InformerReads reads = new InformerReads(new LiveReads(client));
        assertEquals(0, idleRequests(reads, reads));
    }

    @Test
    void mockIdleOperatorReadingFromTheApiServerWouldSendRequestsOnEveryResync() throws InterruptedException {
        int requests = idleRequests(new LiveReads(client), new InformerReads(new LiveReads(client)));
        assertTrue(requests >= 5, "at least one reconcile of 5+ reads, got " + requests);
    }
}
