package io.fileintegrity.engine.loop;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The thread that drives a {@link ScanLoop}: step, wait (woken early by requests), repeat until stopped. */
final class LoopRunner implements Runnable {

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
            Duration wait = loop.step();
            await(wait);
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
