package io.fileintegrity.itest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls what a user would look at until it matches, or fails saying what was expected and what was last seen.
 * The node simulation polls once a second (its probes are kubectl processes beside several agent JVMs); the
 * operator tests, whose probes are cheaper, every half second.
 */
public final class Eventually {

    private static final Duration SLOW = Duration.ofSeconds(1);
    private static final Duration FAST = Duration.ofMillis(500);

    private Eventually() {}

    /** Returns the first value of {@code probe} that {@code expected} accepts within {@code timeout}. */
    public static <T> T waitFor(String what, Duration timeout, Callable<T> probe, Predicate<T> expected)
            throws Exception {
        return poll(what, () -> "", timeout, SLOW, probe, expected);
    }

    /** Like {@link #waitFor(String, Duration, Callable, Predicate)}; a failure also shows {@code diagnostics} then. */
    public static <T> T waitFor(String what, Supplier<String> diagnostics, Duration timeout, Callable<T> probe,
            Predicate<T> expected) throws Exception {
        return poll(what, diagnostics, timeout, SLOW, probe, expected);
    }

    /** Like {@link #waitFor(String, Supplier, Duration, Callable, Predicate)}, polling every half second. */
    public static <T> T until(String what, Duration timeout, Supplier<String> diagnostics, Callable<T> probe,
            Predicate<T> expected) throws Exception {
        return poll(what, diagnostics, timeout, FAST, probe, expected);
    }

    private static <T> T poll(String what, Supplier<String> diagnostics, Duration timeout, Duration every,
            Callable<T> probe, Predicate<T> expected) throws Exception {
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
            Thread.sleep(every.toMillis());
        }
    }
}
