package io.fileintegrity.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/fio}: boots a Felix framework with the bundles the subcommand needs, runs the subcommand
 * service, stops the framework and exits with the subcommand's code.
 */
public final class FioLauncher {

    private static final long SUBCOMMAND_WAIT_MILLIS = 20_000;

    private FioLauncher() {}

    public static void main(String[] argv) {
        int code;
        try {
            code = launch(List.of(argv));
        } catch (Exception e) {
            System.err.println("fio: cannot start the runtime: " + e);
            code = ExitCodes.RUNTIME_UNAVAILABLE;
        }
        System.out.flush();
        if (!ShutdownSignal.INSTANCE.inProgress()) {
            System.exit(code);
        }
    }

    static int launch(List<String> args) throws Exception {
        long started = System.nanoTime();
        boolean help = args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h");
        String name = help ? "help" : args.get(0);
        Profile profile = Profile.forSubcommand(name);
        Path home = Path.of(System.getProperty("fio.home", ".")).toAbsolutePath().normalize();
        Map<String, String> props = RuntimeProperties.load(home);
        if (profile.longRunning()) {
            configureConsole(props, args.contains("--help") ? new PrintStream(PrintStream.nullOutputStream()) : System.err);
        }
        try (FelixRuntime runtime = FelixRuntime.start(home, profile, props, System.err)) {
            ShutdownSignal.INSTANCE.install(runtime);
            SubcommandInvoker invoker = new SubcommandInvoker(runtime.framework().getBundleContext());
            if (Boolean.getBoolean("fio.timing")) {
                System.err.printf("fio: runtime ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            }
            if (help) {
                return printHelp(invoker, System.out);
            }
            Object subcommand = invoker.await(name, SUBCOMMAND_WAIT_MILLIS);
            if (subcommand == null) {
                System.err.println("fio: unknown command '" + name + "'; run 'fio --help' for the list");
                return ExitCodes.USAGE;
            }
            Path cwd = Path.of("").toAbsolutePath();
            return invoker.run(subcommand, args.subList(1, args.size()), cwd, System.console() != null);
        }
    }

    private static void configureConsole(Map<String, String> props, PrintStream out) {
        String user = System.getenv().getOrDefault("FIO_CONSOLE_USER", "admin");
        String password = System.getenv("FIO_CONSOLE_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = RuntimeProperties.generatePassword();
            out.println("fio: web console user '" + user + "', generated password: " + password
                    + " (set FIO_CONSOLE_PASSWORD to choose one)");
        }
        RuntimeProperties.setConsoleCredentials(props, user, password);
    }

    private static int printHelp(SubcommandInvoker invoker, PrintStream out) throws ReflectiveOperationException {
        out.println("Usage: fio <command> [options]     (fio <command> --help for a command's options)");
        out.println();
        out.println("Commands:");
        invoker.summaries().forEach((n, summary) -> out.printf("  %-20s %s%n", n, summary));
        out.println();
        out.println("Launcher exit codes: 64 unknown command, 69 runtime unavailable, 70 internal error.");
        return 0;
    }
}
