package io.fileintegrity.itest.nodes;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls what a user would look at until it matches, or fails saying what was expected and what was last seen. */
final class Eventually {

    private static final long POLL_MILLIS = 1_000;

    private Eventually() {}

    /** Returns the first value of {@code probe} that {@code expected} accepts within {@code timeout}. */
    static <T> T waitFor(String what, Duration timeout, Callable<T> probe, Predicate<T> expected) throws Exception {
        return waitFor(what, () -> "", timeout, probe, expected);
    }

    /** Like {@link #waitFor(String, Duration, Callable, Predicate)}; a failure also shows {@code diagnostics} then. */
    static <T> T waitFor(String what, Supplier<String> diagnostics, Duration timeout, Callable<T> probe,
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
            Thread.sleep(POLL_MILLIS);
        }
    }
}
