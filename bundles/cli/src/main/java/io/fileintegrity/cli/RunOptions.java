package io.fileintegrity.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code fio run}.
 *
 * @param provider provider name
 * @param config the provider configuration file, or null for the built-in policy
 * @param state state directory (baseline, records)
 * @param hostRoot the tree to watch
 * @param intervalSeconds seconds between scans
 * @param maxCpuPercent CPU cap per scan in percent of one core (the target's {@code maxCpuPercent}), 0 for none
 * @param parameters provider parameters, each {@code NAME=VALUE} (the target's {@code parameters})
 */
record RunOptions(String provider, Path config, Path state, Path hostRoot, long intervalSeconds, int maxCpuPercent,
        List<String> parameters) {

    RunOptions {
        parameters = List.copyOf(parameters);
    }

    static final String USAGE = """
            Usage: fio run [--provider NAME] [--config FILE] [--state DIR] [--host-root DIR] [--interval SECONDS]
                           [--maxCpuPercent PERCENT] [--parameter NAME=VALUE]...
            Standalone mode: watches this machine, serves the web console on 127.0.0.1, and runs until stopped.
              --provider NAME     integrity provider (default: aide)
              --config FILE       provider configuration (default for aide: a built-in policy over /etc,
                                  /usr/bin, /usr/sbin and /boot)
              --state DIR         where the baseline and records live (default: <fio home>/var/standalone)
              --host-root DIR     the tree to watch (default: /)
              --interval SECONDS  time between checks (default: 900, at least 1)
              --maxCpuPercent PERCENT, --max-cpu-percent PERCENT
                                  cap on the CPU a scan uses, 1 to 100 percent of one core (30 = 300m),
                                  averaged over the scan by pausing between files (default: no cap)
              --parameter NAME=VALUE
                                  a provider parameter, repeatable; e.g. aide.hash.provider=jdk (the JDK's
                                  digests, not FIPS-validated; default bc-fips)
            Every option also takes its value as --option=VALUE.
            The first scan builds the baseline; every later one checks against it.
            Exit codes: 0 stopped cleanly, 64 bad arguments, 66 configuration file missing.""";

    /** Parses arguments; throws {@link IllegalArgumentException} with a one-line message on bad input. */
    static RunOptions parse(List<String> args, Path home, Path cwd) {
        String provider = "aide";
        Path config = null;
        Path state = home.resolve("var").resolve("standalone");
        Path hostRoot = Path.of("/");
        long interval = 900;
        int maxCpuPercent = 0;
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int equals = a.startsWith("--") ? a.indexOf('=') : -1;
            String option = equals < 0 ? a : a.substring(0, equals);
            String value = equals < 0 ? null : a.substring(equals + 1);
            if (value != null && value.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            if (value == null && isOption(option)) {
                value = value(args, ++i, option);
            }
            switch (option) {
                case "--provider" -> provider = value;
                case "--config" -> config = cwd.resolve(value);
                case "--state" -> state = cwd.resolve(value);
                case "--host-root" -> hostRoot = cwd.resolve(value);
                case "--interval" -> interval = seconds(value);
                case "--maxCpuPercent", "--max-cpu-percent" -> maxCpuPercent = cpuPercent(option, value);
                case "--parameter" -> parameters.add(parameter(value));
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        return new RunOptions(provider, config, state.normalize(), hostRoot.normalize(), interval, maxCpuPercent,
                parameters);
    }

    private static boolean isOption(String option) {
        return switch (option) {
            case "--provider", "--config", "--state", "--host-root", "--interval", "--maxCpuPercent",
                    "--max-cpu-percent", "--parameter" -> true;
            default -> false;
        };
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static String parameter(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank() || text.startsWith("fio.")) {
            throw new IllegalArgumentException("--parameter needs NAME=VALUE (names starting with 'fio.' are "
                    + "reserved), got '" + text + "'");
        }
        return text;
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

    private static int cpuPercent(String option, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException(option + " must be 1 to 100 (percent of one core), got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of percent from 1 to 100, got '"
                    + text + "'");
        }
    }
}
