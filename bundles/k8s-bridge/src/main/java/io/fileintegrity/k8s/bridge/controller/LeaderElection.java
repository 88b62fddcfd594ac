package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Leader election on a coordination.k8s.io Lease (FIO's id {@value #DEFAULT_LEASE}), so that only one operator
 * replica reconciles. The controller runs between "started leading" and "stopped leading".
 */
public class LeaderElection implements AutoCloseable {

    /** FIO's leader election id. */
    public static final String DEFAULT_LEASE = "962a0cf2.openshift.io";
    private static final Logger LOG = Logger.getLogger(LeaderElection.class.getName());

    private final CompletableFuture<?> running;

    /** Starts campaigning; returns at once. */
    public LeaderElection(KubernetesClient client, String namespace, String leaseName, String identity,
            Runnable onStartLeading, Runnable onStopLeading) {
        running = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("fio-operator")
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(Duration.ofSeconds(15))
                .withRenewDeadline(Duration.ofSeconds(10))
                .withRetryPeriod(Duration.ofSeconds(2))
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            LOG.info(identity + " leads " + namespace + "/" + leaseName);
                            onStartLeading.run();
                        },
                        onStopLeading,
                        leader -> LOG.info("the leader is now " + leader)))
                .build()).build().start();
    }

    @Override
    public void close() {
        running.cancel(true);
    }
}
