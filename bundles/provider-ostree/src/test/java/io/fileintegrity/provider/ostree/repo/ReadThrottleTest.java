package io.fileintegrity.provider.ostree.repo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadThrottleTest {

    @Test
    void readsBeyondTheBudgetWait() throws Exception {
        ReadThrottle throttle = new ReadThrottle(10_000_000);
        long start = System.nanoTime();
        for (int i = 0; i < 48; i++) {
            throttle.acquire(65_536);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.2, "3 MB at 10 MB/s with a 0.1 s burst takes at least 0.2 s, took " + seconds);
    }

    @Test
    void noCapNeverWaits() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            ReadThrottle.NONE.acquire(1 << 30);
        }
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }
}
