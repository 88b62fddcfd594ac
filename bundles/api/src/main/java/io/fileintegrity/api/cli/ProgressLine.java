package io.fileintegrity.api.cli;

import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.api.ScanProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line long {@code init}/{@code check} runs draw on standard error: files, bytes, rate and,
 * when totals are known, an ETA, redrawn in place at most four times a second. It draws nothing when standard
 * error is not a terminal or the user asked for {@code --quiet}, so logs and pipes stay clean. Thread-safe.
 */
public final class ProgressLine implements ProgressListener {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastDraw;
    private int lastWidth;

    private ProgressLine(PrintStream err, boolean enabled, LongSupplier nanoClock) {
        this.err = err;
        this.enabled = enabled;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastDraw = startNanos - REDRAW_NANOS;
    }

    /** A progress line for a subcommand: drawn only on a terminal and without {@code --quiet}. */
    public static ProgressLine of(CommandInvocation invocation, boolean quiet) {
        return new ProgressLine(invocation.err(), invocation.terminal() && !quiet, System::nanoTime);
    }

    /** A progress line on {@code err}, drawn when {@code enabled}, timed by {@code nanoClock} (for tests). */
    public static ProgressLine on(PrintStream err, boolean enabled, LongSupplier nanoClock) {
        return new ProgressLine(err, enabled, nanoClock);
    }

    @Override
    public synchronized void progress(ScanProgress p) {
        long now = nanoClock.getAsLong();
        if (!enabled || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = render(p, (now - startNanos) / 1e9);
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    /** Clears the line, so the next output starts on a clean line. */
    public synchronized void finish() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    static String render(ScanProgress p, double seconds) {
        double rate = seconds > 0 ? p.bytesDone() / seconds : 0;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%,d", p.filesDone()));
        if (p.filesTotal() > 0) {
            s.append(String.format(Locale.ROOT, "/%,d", p.filesTotal()));
        }
        s.append(" files, ").append(bytes(p.bytesDone()));
        s.append(", ").append(bytes((long) rate)).append("/s");
        if (p.bytesTotal() > 0 && rate > 0 && p.bytesTotal() >= p.bytesDone()) {
            long eta = (long) ((p.bytesTotal() - p.bytesDone()) / rate);
            s.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        return s.toString();
    }

    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
