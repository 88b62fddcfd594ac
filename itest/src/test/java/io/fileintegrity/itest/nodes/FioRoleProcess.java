package io.fileintegrity.itest.nodes;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running role of {@code bin/fio} ({@code operator}, {@code agent}) as its own process, output in
 * {@code out.log}/{@code err.log} of a log folder. A role given a host root runs in a private mount namespace
 * ({@code unshare --mount}) in which that folder is bind-mounted at {@code /hostroot}: the agent then sees its
 * node exactly as the DaemonSet pod does, and the operator's converted aide.conf ({@code /hostroot/...}) reads
 * that node's tree. ({@code io.fileintegrity.itest.FioProcess} is package-private, so this is its own launcher.)
 */
final class FioRoleProcess {

    /** The DaemonSet mounts the host's {@code /} here; the converted aide.conf names it. */
    static final Path HOST_ROOT_MOUNT = Path.of("/hostroot");
    private static final String BIND_AND_EXEC = "mount --bind \"$0\" " + HOST_ROOT_MOUNT + " && exec \"$@\"";

    private final Process process;
    private final Path logs;

    private FioRoleProcess(Process process, Path logs) {
        this.process = process;
        this.logs = logs;
    }

    /** Starts {@code fio <args>} with {@code env}; {@code hostRoot} (may be null) is mounted at /hostroot. */
    static FioRoleProcess start(Path logs, Path hostRoot, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (hostRoot != null) {
            command.addAll(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", BIND_AND_EXEC,
                    hostRoot.toString()));
        }
        command.add(SimulationFiles.fio().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("out.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("err.log").toFile()));
        builder.environment().remove("KUBECONFIG");
        // a web console port of its own and a small heap: many roles run side by side on one machine
        builder.environment().put("FIO_JAVA_OPTS", "-XX:+UseSerialGC -Xss512k -Xmx192m -XX:TieredStopAtLevel=1"
                + " -Dorg.osgi.service.http.port=" + freePort());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new FioRoleProcess(process, logs);
    }

    /** Runs a one-off {@code fio <args>} to completion (60 s at most) and returns its output; fails unless it exits 0. */
    static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SimulationFiles.fio().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FIO_JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.osgi.service.http.port="
                + freePort());
        Path err = Files.createTempFile("fio-err-", ".log");
        try {
            Process p = builder.redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("fio " + String.join(" ", args) + " failed: " + Files.readString(err) + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * Fails clearly when this machine cannot give a process its own mount namespace with a bind mount at
     * /hostroot (the simulation needs root, as CI runs it). Creates the empty mount point /hostroot if missing.
     */
    static void requireMountNamespaces() throws IOException, InterruptedException {
        try {
            Files.createDirectories(HOST_ROOT_MOUNT);
        } catch (IOException e) {
            throw new AssertionError("the node simulation needs the mount point " + HOST_ROOT_MOUNT
                    + " (run as root): " + e, e);
        }
        Path probe = Files.createTempDirectory("fio-mount-probe-");
        try {
            Process p = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", BIND_AND_EXEC,
                    probe.toString(), "true").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("the node simulation runs each agent in a private mount namespace "
                        + "(unshare --mount, bind mount at /hostroot; needs root and CAP_SYS_ADMIN); it failed: " + out);
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The end of its standard error, for failure messages. */
    String errTail() {
        try {
            List<String> lines = Files.readAllLines(logs.resolve("err.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no err.log: " + e + ")";
        }
    }

    /** SIGKILL, as a crashed or OOM-killed pod. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as the kubelet stops a pod; SIGKILL after 30 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
