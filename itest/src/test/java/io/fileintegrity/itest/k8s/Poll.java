package io.fileintegrity.itest.k8s;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls what a user would look at until it matches, or fails saying what was expected and what was seen last. */
final class Poll {

    private static final long INTERVAL_MILLIS = 500;

    private Poll() {}

    /**
     * The first value of {@code probe} that {@code expected} accepts within {@code timeout}; a failure names
     * {@code what}, the last value (or error) and {@code diagnostics}.
     */
    static <T> T until(String what, Duration timeout, Supplier<String> diagnostics, Callable<T> probe,
            Predicate<T> expected) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (expected.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; last seen: "
                        + (lastError != null ? lastError : last) + "\n" + diagnostics.get());
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
