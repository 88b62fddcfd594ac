package io.fileintegrity.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of {@code fio run}.
 *
 * @param provider provider name
 * @param config the provider configuration file, or null for the built-in policy
 * @param state state directory (baseline, records)
 * @param hostRoot the tree to watch
 * @param intervalSeconds seconds between scans
 */
record RunOptions(String provider, Path config, Path state, Path hostRoot, long intervalSeconds) {

    static final String USAGE = """
            Usage: fio run [--provider NAME] [--config FILE] [--state DIR] [--host-root DIR] [--interval SECONDS]
            Standalone mode: watches this machine, serves the web console on 127.0.0.1, and runs until stopped.
              --provider NAME     integrity provider (default: aide)
              --config FILE       provider configuration (default for aide: a built-in policy over /etc,
                                  /usr/bin, /usr/sbin and /boot)
              --state DIR         where the baseline and records live (default: <fio home>/var/standalone)
              --host-root DIR     the tree to watch (default: /)
              --interval SECONDS  time between checks (default: 900, at least 1)
            The first scan builds the baseline; every later one checks against it.
            Exit codes: 0 stopped cleanly, 64 bad arguments, 66 configuration file missing.""";

    /** Parses arguments; throws {@link IllegalArgumentException} with a one-line message on bad input. */
    static RunOptions parse(List<String> args, Path home, Path cwd) {
        String provider = "aide";
        Path config = null;
        Path state = home.resolve("var").resolve("standalone");
        Path hostRoot = Path.of("/");
        long interval = 900;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--provider" -> provider = value(args, ++i, a);
                case "--config" -> config = cwd.resolve(value(args, ++i, a));
                case "--state" -> state = cwd.resolve(value(args, ++i, a));
                case "--host-root" -> hostRoot = cwd.resolve(value(args, ++i, a));
                case "--interval" -> interval = seconds(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        return new RunOptions(provider, config, state.normalize(), hostRoot.normalize(), interval);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static long seconds(String text) {
        try {
            long value = Long.parseLong(text);
            if (value < 1) {
                throw new IllegalArgumentException("--interval must be at least 1 second, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--interval needs a number of seconds, got '" + text + "'");
        }
    }
}
