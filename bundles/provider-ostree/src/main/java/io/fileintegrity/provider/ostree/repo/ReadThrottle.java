package io.fileintegrity.provider.ostree.repo;

/**
 * Caps the bytes all hashing threads of one run read per second ({@code ScanOptions.ioBytesPerSecond}):
 * each read is paid for in advance, and a reader that is ahead of the budget sleeps. Thread-safe.
 */
public final class ReadThrottle {

    /** No cap. */
    public static final ReadThrottle NONE = new ReadThrottle(0);

    private final long bytesPerSecond;
    private long nextFreeNanos = System.nanoTime();

    public ReadThrottle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Waits until {@code bytes} more may be read. */
    public void acquire(long bytes) throws java.io.InterruptedIOException {
        if (bytesPerSecond <= 0 || bytes <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextFreeNanos = Math.max(nextFreeNanos, now) + bytes * 1_000_000_000L / bytesPerSecond;
            wait = nextFreeNanos - now - 1_000_000_000L / 10;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while throttling reads");
            }
        }
    }
}
