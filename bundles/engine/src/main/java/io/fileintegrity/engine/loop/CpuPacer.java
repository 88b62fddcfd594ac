package io.fileintegrity.engine.loop;

import io.fileintegrity.api.Cancellation;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Caps a scan's CPU use, averaged from the start of the scan, at a share of one core. Providers poll the scan's
 * {@link Cancellation} between files; when the process has used more CPU than the cap allows for the time that
 * has passed, the polling thread is paused until it has not. Pausing the walk starves the hashing threads too,
 * so the whole scan slows down between files, never in the middle of one, and a cancelled scan still stops
 * within {@link #MAX_PAUSE_NANOS}. CPU is the whole process's (the agent runs one scan at a time; other threads
 * only make the pauses longer), measured at most every {@link #MEASURE_EVERY_NANOS}.
 */
final class CpuPacer implements Cancellation {

    static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    static final long MEASURE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Waits; {@code Thread.sleep} in production, a fake clock's advance in tests. */
    @FunctionalInterface
    interface Pause {
        void pause(long nanos) throws InterruptedException;
    }

    private final double cores;
    private final LongSupplier cpuNanos;
    private final LongSupplier wallNanos;
    private final Pause pause;
    private final Cancellation delegate;
    private final long cpuStart;
    private final long wallStart;
    private long nextMeasure;

    CpuPacer(int maxCpuPercent, LongSupplier cpuNanos, LongSupplier wallNanos, Pause pause, Cancellation delegate) {
        if (maxCpuPercent <= 0) {
            throw new IllegalArgumentException("maxCpuPercent must be > 0: " + maxCpuPercent);
        }
        this.cores = maxCpuPercent / 100.0;
        this.cpuNanos = cpuNanos;
        this.wallNanos = wallNanos;
        this.pause = pause;
        this.delegate = delegate;
        this.cpuStart = cpuNanos.getAsLong();
        this.wallStart = wallNanos.getAsLong();
        this.nextMeasure = wallStart;
    }

    /**
     * {@code delegate} paced to {@code maxCpuPercent} of one core from now on; {@code delegate} itself when the cap
     * is 0 (none) or the JVM cannot tell the process's CPU time.
     */
    static Cancellation of(int maxCpuPercent, Cancellation delegate) {
        if (maxCpuPercent <= 0 || processCpuNanos() < 0) {
            return delegate;
        }
        return new CpuPacer(maxCpuPercent, CpuPacer::processCpuNanos, System::nanoTime,
                nanos -> TimeUnit.NANOSECONDS.sleep(nanos), delegate);
    }

    @Override
    public boolean isCancelled() {
        if (delegate.isCancelled()) {
            return true;
        }
        long owed = owedNanos();
        if (owed > 0) {
            try {
                pause.pause(Math.min(owed, MAX_PAUSE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return delegate.isCancelled();
    }

    /** The wall time the CPU used so far needs at the cap, minus the time that has passed (0 between measurements). */
    private synchronized long owedNanos() {
        long now = wallNanos.getAsLong();
        if (now < nextMeasure) {
            return 0;
        }
        nextMeasure = now + MEASURE_EVERY_NANOS;
        long needed = (long) ((cpuNanos.getAsLong() - cpuStart) / cores);
        return needed - (now - wallStart);
    }

    /**
     * The process's CPU time in nanoseconds, -1 when unknown. Read through the platform MBean server so that no
     * {@code com.sun.management} import is needed in the OSGi framework.
     */
    static long processCpuNanos() {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
            return value instanceof Long nanos ? nanos : -1;
        } catch (JMException | RuntimeException e) {
            return -1;
        }
    }
}
