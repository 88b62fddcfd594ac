package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Leader election on a coordination.k8s.io Lease (FIO's id {@value #DEFAULT_LEASE}), so that only one operator
 * replica reconciles. The controller runs between "started leading" and "stopped leading". A lease lost (for
 * example while the API server was unreachable longer than the renew deadline) is campaigned for again, so the
 * process keeps reconciling after an outage instead of idling until it is restarted.
 */
public class LeaderElection implements AutoCloseable {

    /** FIO's leader election id. */
    public static final String DEFAULT_LEASE = "962a0cf2.openshift.io";
    private static final Logger LOG = Logger.getLogger(LeaderElection.class.getName());

    /** The Lease timing: how long a lease is valid, how long renewing may fail, how often to try. */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        /** FIO's (controller-runtime's) defaults. */
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    private final KubernetesClient client;
    private final LeaderElectionConfig config;
    private final Duration retry;
    private final ScheduledExecutorService again = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fio-operator-election");
        t.setContextClassLoader(LeaderElection.class.getClassLoader()); // fabric8 scans it for model classes
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile CompletableFuture<?> running;

    /** Starts campaigning with the default timing; returns at once. */
    public LeaderElection(KubernetesClient client, String namespace, String leaseName, String identity,
            Runnable onStartLeading, Runnable onStopLeading) {
        this(client, namespace, leaseName, identity, Timing.DEFAULT, onStartLeading, onStopLeading);
    }

    /** Starts campaigning; returns at once. */
    public LeaderElection(KubernetesClient client, String namespace, String leaseName, String identity, Timing timing,
            Runnable onStartLeading, Runnable onStopLeading) {
        this.client = client;
        this.retry = timing.retryPeriod();
        this.config = new LeaderElectionConfigBuilder()
                .withName("fio-operator")
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            LOG.info(identity + " leads " + namespace + "/" + leaseName);
                            onStartLeading.run();
                        },
                        onStopLeading,
                        leader -> LOG.info("the leader is now " + leader)))
                .build();
        campaign();
    }

    private synchronized void campaign() {
        if (closed) {
            return;
        }
        running = client.leaderElector().withConfig(config).build().start();
        running.whenComplete((ignored, error) -> {
            if (!closed) {
                LOG.warning("lost the lease" + (error == null ? "" : " (" + error + ")") + "; campaigning again");
                again.schedule(this::campaign, retry.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        running.cancel(true);
        again.shutdownNow();
    }
}
