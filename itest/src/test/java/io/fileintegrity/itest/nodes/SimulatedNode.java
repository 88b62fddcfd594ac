package io.fileintegrity.itest.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One fake node: a Node object the test creates, a host root of its own (a tree made with {@code mktree.sh} under
 * {@code data/}, FIO's {@code etc/kubernetes/} for the baseline) and the {@code fio agent} process that the
 * DaemonSet pod would run there, with the host root mounted at /hostroot.
 */
final class SimulatedNode {

    private final String name;
    private final Path hostRoot;
    private FioRoleProcess agent;

    private SimulatedNode(String name, Path hostRoot) {
        this.name = name;
        this.hostRoot = hostRoot;
    }

    /** Makes the host root with {@code files} files under {@code data/} (a different tree per {@code seed}). */
    static SimulatedNode create(String name, Path parent, int files, int seed) throws IOException, InterruptedException {
        Path root = parent.resolve(name);
        Files.createDirectories(root.resolve("etc/kubernetes"));
        Process p = new ProcessBuilder("bash", SimulationFiles.mktree().toString(), Integer.toString(files), "1",
                root.resolve("data").toString(), Integer.toString(seed)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("mktree.sh failed for " + name + ": " + out);
        }
        return new SimulatedNode(name, root);
    }

    /** A node whose host root {@code root} was prepared by the caller (an OSTree deployment, an IMA capture). */
    static SimulatedNode prepared(String name, Path root) {
        return new SimulatedNode(name, root);
    }

    String name() {
        return name;
    }

    /** A path of this node's tree as the host sees it ({@code data/x} of the host root). */
    Path file(String relative) {
        return hostRoot.resolve(relative);
    }

    /** FIO's baseline location on the host: {@code /etc/kubernetes/aide.db.gz} (the converted aide.conf's DBDIR). */
    Path baseline() {
        return hostRoot.resolve("etc/kubernetes/aide.db.gz");
    }

    /** Starts {@code fio agent} for this node as the DaemonSet would (NODE_NAME from the environment). */
    void startAgent(Path kubeconfig, String fileIntegrity, String namespace) throws IOException {
        agent = FioRoleProcess.start(SimulationFiles.logDirectory("agent-" + name), hostRoot, Map.of("NODE_NAME", name),
                "agent", "--name=" + fileIntegrity, "--namespace=" + namespace, "--kubeconfig=" + kubeconfig,
                "--hostRoot=" + FioRoleProcess.HOST_ROOT_MOUNT, "--stateRoot=" + FioRoleProcess.HOST_ROOT_MOUNT
                        + "/etc/kubernetes/fio", "--interval=10");
    }

    /** SIGKILL, as a crashed pod. */
    void killAgent() throws InterruptedException {
        agent.kill();
    }

    /** SIGTERM, as the kubelet stops the pod. */
    void stopAgent() throws InterruptedException {
        if (agent != null && agent.isAlive()) {
            agent.stop();
        }
    }

    /** For failure messages: whether the agent runs, and the end of its log. */
    String agentDiagnostics() {
        return agent == null ? name + ": no agent" : name + " agent alive=" + agent.isAlive() + "\n" + agent.errTail();
    }

    /** The first regular file under data/ in name order, relative to the host root (e.g. data/f000006.bin). */
    String firstDataFile() throws IOException {
        try (Stream<Path> files = Files.list(file("data"))) {
            Path found = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches("f\\d+\\..*")).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no data file made by mktree.sh in " + file("data")));
            return "data/" + found.getFileName();
        }
    }
}
