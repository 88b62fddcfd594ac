package io.fileintegrity.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CPU cap, driven by a fake CPU clock and a fake wall clock that pauses advance: nothing sleeps. */
class CpuPacerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private long cpu;
    private long wall;
    private final List<Long> pauses = new ArrayList<>();

    private CpuPacer pacer(int percent, Cancellation delegate) {
        return new CpuPacer(percent, () -> cpu, () -> wall, nanos -> {
            pauses.add(nanos);
            wall += nanos;
        }, delegate);
    }

    /** One file of a busy scan: {@code millis} of CPU on one core in as much wall time, then the poll. */
    private boolean file(Cancellation pacer, long millis) {
        cpu += millis * MS;
        wall += millis * MS;
        return pacer.isCancelled();
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aBusyScanIsPausedBetweenFilesToTheCapAveragedOverTheScan() {
        CpuPacer pacer = pacer(25, Cancellation.NEVER);
        for (int i = 0; i < 2000; i++) {
            assertFalse(file(pacer, 2));
        }
        double share = (double) cpu / wall;
        assertTrue(share <= 0.25 + 0.01, "CPU share " + share + " stays at the cap of 25 %");
        assertTrue(share >= 0.25 - 0.02, "CPU share " + share + " is not throttled far below the cap");
    }

    @Test
    void aScanBelowTheCapIsNeverPaused() {
        CpuPacer pacer = pacer(50, Cancellation.NEVER);
        for (int i = 0; i < 500; i++) {
            cpu += MS;
            wall += 4 * MS; // 25 % of a core: waiting for the disk
            pacer.isCancelled();
        }
        assertEquals(List.of(), pauses);
    }

    @Test
    void theCapCountsCoresSoMoreThanOneHundredPercentAllowsParallelHashing() {
        CpuPacer pacer = pacer(150, Cancellation.NEVER);
        for (int i = 0; i < 1000; i++) {
            cpu += 2 * MS; // two threads busy
            wall += MS;
            pacer.isCancelled();
        }
        double cores = (double) cpu / wall;
        assertTrue(cores <= 1.5 + 0.02 && cores >= 1.5 - 0.05, "cores used " + cores + " held at 1.5");
    }

    @Test
    void measuringIsRateLimitedPausesAreShortAndACancelledScanIsNotPaused() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CpuPacer pacer = pacer(10, cancelled::get);
        assertFalse(pacer.isCancelled()); // measured: nothing owed
        cpu += 10_000 * MS; // ten CPU seconds: 100 s owed at 10 %
        wall += CpuPacer.MEASURE_EVERY_NANOS / 2;
        assertFalse(pacer.isCancelled());
        assertEquals(List.of(), pauses, "no new measurement within 50 ms of the last");
        wall += CpuPacer.MEASURE_EVERY_NANOS / 2;
        assertFalse(pacer.isCancelled());
        assertEquals(List.of(CpuPacer.MAX_PAUSE_NANOS), pauses, "one pause of at most 250 ms per poll");
        cancelled.set(true);
        assertTrue(pacer.isCancelled());
        assertEquals(1, pauses.size(), "a cancelled scan is not paused");
    }

    @Test
    void aCancellationThatArrivesDuringAPauseIsSeenAtOnce() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CpuPacer pacer = new CpuPacer(10, () -> cpu, () -> wall, nanos -> cancelled.set(true), cancelled::get);
        cpu += 1000 * MS;
        assertTrue(pacer.isCancelled());
    }

    @Test
    void anInterruptedPauseStopsTheScanAndKeepsTheInterrupt() {
        CpuPacer pacer = new CpuPacer(10, () -> cpu, () -> wall, nanos -> {
            throw new InterruptedException("SIGTERM");
        }, Cancellation.NEVER);
        cpu += 1000 * MS;
        assertTrue(pacer.isCancelled());
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void noCapMeansTheScansOwnCancellationUnchanged() {
        Cancellation own = () -> false;
        assertSame(own, CpuPacer.of(0, own));
        assertThrows(IllegalArgumentException.class, () -> pacer(0, own));
    }

    @Test
    void theProcessCpuTimeOfThisJvmIsReadable() {
        long before = CpuPacer.processCpuNanos();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        assertTrue(sum != 42 && before > 0 && CpuPacer.processCpuNanos() > before,
                "ProcessCpuTime of the platform MBean server grows as this thread works");
    }
}
