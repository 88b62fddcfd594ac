package io.fileintegrity.itest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/fio} of a private copy of the distribution (links to its bin, lib, bundle and conf, and
 * a deploy/ of its own) as a separate process, the way a user would.
 */
public final class FioProcess {

    /** Output and exit code of a finished command. */
    public record Outcome(int exitCode, String out, String err) {}

    private final Path home;

    private FioProcess(Path home) {
        this.home = home;
    }

    /** A fresh home whose deploy/ starts empty. */
    public static FioProcess freshHome() throws IOException {
        Path dist = DistributionBundles.home();
        Path home = Files.createTempDirectory("fio-home-");
        for (String part : List.of("bin", "lib", "bundle", "conf", "examples")) {
            Files.createSymbolicLink(home.resolve(part), dist.resolve(part));
        }
        Files.createDirectories(home.resolve("deploy"));
        return new FioProcess(home);
    }

    public Path home() {
        return home;
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    /** Runs a one-off command to completion (at most 60 s). */
    public Outcome run(String... args) throws IOException, InterruptedException {
        // a port of its own, so a long-running role started by a test never collides with another
        Process p = start(Map.of("FIO_JAVA_OPTS", "-Dorg.osgi.service.http.port=" + freePort()), args);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("fio " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Outcome(p.exitValue(), read(home.resolve("out.log")), read(home.resolve("err.log")));
    }

    /** Starts a command and leaves it running; its output goes to out.log and err.log in the home. */
    public Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/fio").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("out.log").toFile()).redirectError(home.resolve("err.log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    public String stderr() throws IOException {
        return read(home.resolve("err.log"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
