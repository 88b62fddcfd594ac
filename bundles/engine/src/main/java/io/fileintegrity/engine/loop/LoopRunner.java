package io.fileintegrity.engine.loop;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The thread that drives a {@link ScanLoop}: step, wait (woken early by requests), repeat until stopped. */
final class LoopRunner implements Runnable {

    private static final System.Logger LOG = System.getLogger(LoopRunner.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(60);

    private final ScanLoop loop;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean stopped;

    LoopRunner(ScanLoop loop) {
        this.loop = loop;
    }

    @Override
    public void run() {
        while (!stopped) {
            await(stepOrRetryLater());
        }
    }

    /**
     * One step; a failure outside the provider (the provider's own failures are ERRORED results already), e.g.
     * a result listener out of memory, is logged and the step retried later: the loop never stops silently.
     */
    private Duration stepOrRetryLater() {
        try {
            return loop.step();
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            LOG.log(System.Logger.Level.ERROR, "scan loop step failed; retrying in " + RETRY.toSeconds() + " s", e);
            return RETRY;
        }
    }

    private void await(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (nanos > 0 && !stopped && !loop.hasRequest()) {
                nanos = wake.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the thread so it looks at requests (or the stop flag) now. */
    void wakeUp() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        stopped = true;
        wakeUp();
    }

    boolean stopped() {
        return stopped;
    }
}
