package io.fileintegrity.provider.aide.cli;

import java.io.PrintStream;
import java.util.List;

/** AIDE-style log lines on standard error, filtered by {@code -L}/{@code log_level}. */
final class LogOutput {
    private static final List<String> LEVELS =
            List.of("error", "warning", "notice", "info", "rule", "compare", "config", "debug", "thread", "trace");
    private final PrintStream err;
    private final int level;

    LogOutput(PrintStream err, String level) {
        this.err = err;
        int i = level == null ? -1 : LEVELS.indexOf(level);
        this.level = i < 0 ? 1 : i;
    }

    void error(String message) {
        err.println("ERROR: " + message);
    }

    void warning(String message) {
        if (level >= 1) {
            err.println("WARNING: " + message);
        }
    }

    void notice(String message) {
        if (level >= 2) {
            err.println("NOTICE: " + message);
        }
    }
}
