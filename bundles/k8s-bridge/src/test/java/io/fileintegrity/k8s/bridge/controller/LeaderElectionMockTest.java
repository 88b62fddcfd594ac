package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Leader election on the CRUD mock server: a lost lease is campaigned for again. */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionMockTest {

    private static final LeaderElection.Timing FAST = new LeaderElection.Timing(Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ofMillis(200));

    KubernetesClient client;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** Takes the lease as {@code holder}, retrying while the elector's own renewals make the edit conflict (409). */
    private void takeLeaseAs(String holder) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                client.leases().inNamespace(NS).withName("test-lease").edit(lease -> {
                    lease.getSpec().setHolderIdentity(holder);
                    lease.getSpec().setRenewTime(ZonedDateTime.now());
                    lease.getSpec().setAcquireTime(ZonedDateTime.now());
                    return lease;
                });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 50) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void mockLeaseTakenAwayIsLostThenWonBackOnceTheOtherHolderStopsRenewing() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        try (LeaderElection election = new LeaderElection(client, NS, "test-lease", "me", FAST, started::incrementAndGet,
                stopped::incrementAndGet)) {
            await("first leadership", () -> started.get() == 1);

            // another replica takes the lease (as after an outage longer than the renew deadline) and then dies
            takeLeaseAs("other");

            await("leadership lost", () -> stopped.get() == 1);
            await("leadership won back", () -> started.get() == 2);
            Lease lease = client.leases().inNamespace(NS).withName("test-lease").get();
            assertEquals("me", lease.getSpec().getHolderIdentity());
        }
    }
}
