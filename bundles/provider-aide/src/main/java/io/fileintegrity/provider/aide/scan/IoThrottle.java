package io.fileintegrity.provider.aide.scan;

/**
 * Caps the bytes read per second across all hashing threads (a token bucket holding at most one
 * second of budget). A rate of 0 means no cap.
 */
public final class IoThrottle {
    private final long bytesPerSecond;
    private double available;
    private long last = System.nanoTime();

    public IoThrottle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
    }

    /** Waits until {@code bytes} may be read. */
    public void acquire(long bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            available = Math.min(bytesPerSecond, available + (now - last) * bytesPerSecond / 1e9);
            last = now;
            available -= bytes;
            waitNanos = available >= 0 ? 0 : (long) (-available * 1e9 / bytesPerSecond);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
