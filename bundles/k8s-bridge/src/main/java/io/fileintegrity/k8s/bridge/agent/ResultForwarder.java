package io.fileintegrity.k8s.bridge.agent;

import io.fileintegrity.api.ScanResult;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands results from the scan loop's thread to one sender thread, so the loop never waits for the API server.
 * Only the newest unsent result is kept: when the API server is away, older ones are superseded rather than
 * queued without bound; a failed send is retried (10 s, doubling to 5 min) until a newer result replaces it.
 */
public class ResultForwarder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ResultForwarder.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final Consumer<ScanResult> sender;
    private final AtomicReference<ScanResult> pending = new AtomicReference<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fio-agent-sender");
        t.setDaemon(true);
        return t;
    });
    private Duration retry = FIRST_RETRY;

    public ResultForwarder(Consumer<ScanResult> sender) {
        this.sender = sender;
    }

    /** Queues {@code result} for sending, replacing an unsent older one. Never blocks, never throws. */
    public void submit(ScanResult result) {
        pending.set(result);
        try {
            thread.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.fine("forwarder closed; result dropped");
        }
    }

    private void drain() {
        ScanResult result = pending.getAndSet(null);
        if (result == null) {
            return;
        }
        try {
            sender.accept(result);
            retry = FIRST_RETRY;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot report the scan result, retrying in " + retry.toSeconds() + " s: " + e, e);
            if (pending.compareAndSet(null, result)) {
                thread.schedule(this::drain, retry.toMillis(), TimeUnit.MILLISECONDS);
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
