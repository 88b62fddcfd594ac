package io.fileintegrity.k8s.bridge.controller;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A keyed work queue between informer callbacks and the reconciler, as in java-operator-sdk: a key waiting in
 * the queue is not added twice, one worker thread reconciles one key at a time, requeue delays are timers, and
 * a failed reconcile is retried with a doubling back-off (1 s up to 5 min).
 */
public class ReconcileQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReconcileQueue.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, Duration> backoff = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "fio-operator-timers"));
    private final Function<String, Optional<Duration>> reconcile;
    private final java.util.function.Consumer<String> onError;
    private final Thread worker;
    private volatile boolean running = true;

    /**
     * @param reconcile reconciles a key and says when to look again
     * @param onError told the kind of each failure (for {@code error_total})
     */
    public ReconcileQueue(Function<String, Optional<Duration>> reconcile, java.util.function.Consumer<String> onError) {
        this.reconcile = reconcile;
        this.onError = onError;
        this.worker = daemon(this::work, "fio-operator-reconciler");
    }

    /** Starts the worker. */
    public void start() {
        worker.start();
    }

    /** Asks for {@code key} to be reconciled soon. Cheap; safe from informer threads. */
    public void enqueue(String key) {
        if (running && waiting.add(key)) {
            keys.add(key);
        }
    }

    /** Asks for {@code key} to be reconciled after {@code delay}. */
    public void enqueueAfter(String key, Duration delay) {
        if (running) {
            timers.schedule(() -> enqueue(key), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void work() {
        while (running) {
            String key;
            try {
                key = keys.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.remove(key);
            runOne(key);
        }
    }

    private void runOne(String key) {
        try {
            reconcile.apply(key).ifPresent(delay -> enqueueAfter(key, delay));
            backoff.remove(key);
        } catch (RuntimeException e) {
            if (Conflicts.isConflict(e)) {
                // someone changed the object since it was read (or the cache lagged): read again, quietly
                LOG.info("reconcile of " + key + " met a conflict, again in 1 s: " + e.getMessage());
                onError.accept("Conflict");
                enqueueAfter(key, Duration.ofSeconds(1));
                return;
            }
            Duration next = backoff.merge(key, Duration.ofSeconds(1),
                    (old, one) -> old.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : old.multipliedBy(2));
            LOG.log(Level.WARNING, "reconcile of " + key + " failed, retrying in " + next.toSeconds() + " s: " + e, e);
            onError.accept(e.getClass().getSimpleName());
            enqueueAfter(key, next);
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        timers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setContextClassLoader(ReconcileQueue.class.getClassLoader()); // fabric8 scans it for model classes
        t.setDaemon(true);
        return t;
    }
}
