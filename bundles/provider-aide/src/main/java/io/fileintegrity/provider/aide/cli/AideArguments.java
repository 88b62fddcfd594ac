package io.fileintegrity.provider.aide.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * AIDE 0.18's command line ({@code src/aide.c} {@code read_param}), plus two fio extensions:
 * {@code --hash-provider=bc-fips|jdk} and {@code --drop-non-approved-hashes}.
 */
record AideArguments(Command command, String config, String limit, List<String> before, List<String> after,
        String logLevel, Integer workers, String pathCheck, String hashProvider, boolean dropNonApproved) {

    enum Command { INIT, DRY_INIT, CHECK, UPDATE, COMPARE, CONFIG_CHECK, PATH_CHECK, HELP, VERSION }

    /** Default config path when {@code -c} is not given (Debian's). */
    static final String DEFAULT_CONFIG = "/etc/aide/aide.conf";

    /** Thrown for a bad command line (exit 15). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static AideArguments parse(List<String> args) throws UsageException {
        Builder b = new Builder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                inline = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            if (b.command(a)) {
                continue;
            }
            if (!takesValue(a)) {
                throw new UsageException("unknown option '" + args.get(i) + "'");
            }
            if (inline == null) {
                if (a.length() > 2 && !a.startsWith("--")) {
                    inline = a.substring(2);
                    a = a.substring(0, 2);
                } else if (i + 1 < args.size()) {
                    inline = args.get(++i);
                } else {
                    throw new UsageException("option '" + a + "' needs a value");
                }
            }
            b.value(a, inline);
        }
        return b.build();
    }

    private static boolean takesValue(String a) {
        return a.startsWith("-c") || a.startsWith("-l") || a.startsWith("-B") || a.startsWith("-A")
                || a.startsWith("-L") || a.startsWith("-W") || a.startsWith("-p")
                || List.of("--config", "--limit", "--before", "--after", "--log-level", "--workers", "--path-check",
                        "--hash-provider").contains(a);
    }

    private static final class Builder {
        Command command;
        String config;
        String limit;
        final List<String> before = new ArrayList<>();
        final List<String> after = new ArrayList<>();
        String logLevel;
        Integer workers;
        String pathCheck;
        String hashProvider;
        boolean dropNonApproved;

        boolean command(String a) throws UsageException {
            Command c = switch (a) {
                case "-i", "--init" -> Command.INIT;
                case "-n", "--dry-init" -> Command.DRY_INIT;
                case "-C", "--check" -> Command.CHECK;
                case "-u", "--update" -> Command.UPDATE;
                case "-E", "--compare" -> Command.COMPARE;
                case "-D", "--config-check" -> Command.CONFIG_CHECK;
                case "-h", "--help" -> Command.HELP;
                case "-v", "--version" -> Command.VERSION;
                default -> null;
            };
            if (a.equals("--drop-non-approved-hashes")) {
                dropNonApproved = true;
                return true;
            }
            if (c == null) {
                return false;
            }
            set(c);
            return true;
        }

        void set(Command c) throws UsageException {
            if (command != null && command != c && c != Command.HELP && command != Command.HELP) {
                throw new UsageException("only one command may be given (" + command + " and " + c + ")");
            }
            command = command == Command.HELP ? command : c;
        }

        void value(String a, String v) throws UsageException {
            switch (a) {
                case "-c", "--config" -> config = v;
                case "-l", "--limit" -> limit = v;
                case "-B", "--before" -> before.add(v);
                case "-A", "--after" -> after.add(v);
                case "-L", "--log-level" -> logLevel = v;
                case "-W", "--workers" -> workers = workers(v);
                case "-p", "--path-check" -> {
                    set(Command.PATH_CHECK);
                    pathCheck = v;
                }
                case "--hash-provider" -> hashProvider = v;
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }

        private static Integer workers(String v) throws UsageException {
            try {
                int n = Integer.parseInt(v);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException("-W needs a number of workers, not '" + v + "'");
            }
        }

        AideArguments build() {
            return new AideArguments(command == null ? Command.CHECK : command, config == null ? DEFAULT_CONFIG : config,
                    limit, before, after, logLevel, workers, pathCheck, hashProvider, dropNonApproved);
        }
    }
}
