package io.fileintegrity.itest.k8s;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code kubectl}, run as a user runs it, always with {@code --kubeconfig} of the test's API server. */
public final class Kubectl {

    /** Exit code and output of one kubectl call. */
    public record Result(int exitCode, String out, String err) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Path kubeconfig;

    Kubectl(Path executable, Path kubeconfig) {
        this.executable = executable;
        this.kubeconfig = kubeconfig;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Runs kubectl with the given arguments. */
    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** Runs kubectl with {@code stdin} as its standard input (for {@code -f -}). */
    public Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("kubectl-out-", ".txt");
        Path err = Files.createTempFile("kubectl-err-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("KUBECONFIG");
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs kubectl, fails the test unless it exits 0, and returns its standard output. */
    public String ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertEquals("kubectl " + String.join(" ", args) + " failed: " + result.err(), 0, result.exitCode());
        return result.out();
    }

    /** Like {@link #ok(String...)} with {@code stdin} as input. */
    public String okWithInput(String stdin, String... args) throws IOException, InterruptedException {
        Result result = runWithInput(stdin, args);
        assertEquals("kubectl " + String.join(" ", args) + " failed: " + result.err(), 0, result.exitCode());
        return result.out();
    }

    /** {@code kubectl get <resource> <name> -n <namespace> -o jsonpath=<expression>}. */
    public String jsonpath(String resource, String name, String namespace, String expression)
            throws IOException, InterruptedException {
        return ok("get", resource, name, "-n", namespace, "-o", "jsonpath=" + expression);
    }
}
