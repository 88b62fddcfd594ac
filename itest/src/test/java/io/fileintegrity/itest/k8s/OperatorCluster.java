package io.fileintegrity.itest.k8s;

import io.fileintegrity.itest.Eventually;
import io.fileintegrity.itest.FioProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster side of {@link OperatorIT}, all through kubectl as an administrator would: FIO's manifests, Node
 * objects, a {@code fio operator} process of the built distribution running as the manifests' ServiceAccount
 * (so their RBAC is what it gets), and the parts no kubelet or DaemonSet controller plays here (DaemonSet status,
 * node results the agents would write).
 */
final class OperatorCluster {

    static final String NS = "openshift-file-integrity";
    private static final String LEASE = "962a0cf2.openshift.io";

    private final Kubectl kubectl;
    private FioProcess home;
    private Process operator;
    private int metricsPort;

    OperatorCluster(Kubectl kubectl) {
        this.kubectl = kubectl;
    }

    Kubectl kubectl() {
        return kubectl;
    }

    /** CRDs (established), namespace, service accounts and RBAC: the manifests minus the operator Deployment. */
    void installManifests() throws Exception {
        Path manifests = RepositoryFiles.manifests();
        kubectl.ok("apply", "-f", manifests.resolve("crds").toString());
        kubectl.ok("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s");
        try (Stream<Path> files = Files.list(manifests)) {
            for (Path file : files.sorted().toList()) {
                if (file.getFileName().toString().matches("0[0-4]-.*\\.yaml")) {
                    kubectl.ok("apply", "-f", file.toString());
                }
            }
        }
    }

    /** A Node object with the given labels (key=value lines of YAML) and optional taint (key:effect). */
    void createNode(String name, Map<String, String> labels, String taint) throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Node\nmetadata:\n  name: " + name + "\n  labels:\n");
        labels.forEach((k, v) -> yaml.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        if (taint != null) {
            String[] parts = taint.split(":");
            yaml.append("spec:\n  taints:\n  - key: ").append(parts[0]).append("\n    effect: ").append(parts[1]).append('\n');
        }
        kubectl.okWithInput(yaml.toString(), "apply", "-f", "-");
    }

    /** Starts {@code fio operator} (resync 5 s, metrics on a free port) and waits until it holds FIO's Lease. */
    void startOperator() throws Exception {
        startOperator(List.of());
    }

    /**
     * Like {@link #startOperator()}, with metrics over TLS: a self-signed certificate for 127.0.0.1 made with
     * openssl (PKCS#1 RSA key, as OpenShift's service-ca writes it) in {@code tlsDir}.
     */
    void startOperatorWithTls(Path tlsDir) throws Exception {
        Path certificate = tlsDir.resolve("tls.crt");
        Path key = tlsDir.resolve("tls.key");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", tlsDir.resolve("pkcs8.key").toString(),
                "-out", certificate.toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        openssl("rsa", "-in", tlsDir.resolve("pkcs8.key").toString(), "-traditional", "-out", key.toString());
        startOperator(List.of("--metricsCertFile=" + certificate, "--metricsKeyFile=" + key));
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }

    private void startOperator(List<String> extra) throws Exception {
        home = FioProcess.freshHome();
        metricsPort = FioProcess.freePort();
        List<String> args = new java.util.ArrayList<>(List.of("operator", "--kubeconfig=" + serviceAccountKubeconfig(),
                "--namespace=" + NS, "--image=fio:e2e", "--resyncSeconds=5", "--metricsPort=" + metricsPort,
                "--metricsBindAddress=127.0.0.1"));
        args.addAll(extra);
        operator = home.start(Map.of("FIO_JAVA_OPTS", "-XX:+UseSerialGC -Xss512k -Xmx256m -Dorg.osgi.service.http.port="
                + FioProcess.freePort()), args.toArray(new String[0]));
        operator.getOutputStream().close();
        Eventually.until("fio operator holds the Lease " + LEASE, Duration.ofSeconds(90), this::diagnostics,
                () -> kubectl.run("get", "lease", LEASE, "-n", NS, "-o", "jsonpath={.spec.holderIdentity}").out(),
                holder -> !holder.isBlank());
    }

    /**
     * A kubeconfig for the operator's ServiceAccount {@code file-integrity-operator} (a token from the TokenRequest
     * API): the operator runs with the manifests' RBAC, as in its Deployment, not as the test's administrator.
     */
    private Path serviceAccountKubeconfig() throws Exception {
        String token = kubectl.ok("create", "token", "file-integrity-operator", "-n", NS, "--duration=24h").trim();
        String admin = Files.readString(kubectl.kubeconfig());
        if (!admin.matches("(?s).*\\n    token: \\S+\\n.*")) {
            throw new IllegalStateException("no token line in " + kubectl.kubeconfig());
        }
        Path kubeconfig = home.home().resolve("operator.kubeconfig");
        Files.writeString(kubeconfig, admin.replaceFirst("\\n    token: \\S+\\n", "\n    token: " + token + "\n"));
        return kubeconfig;
    }

    void stopOperator() throws InterruptedException {
        if (operator != null) {
            operator.destroy();
            if (!operator.waitFor(30, TimeUnit.SECONDS)) {
                operator.destroyForcibly();
            }
        }
    }

    boolean operatorAlive() {
        return operator != null && operator.isAlive();
    }

    int metricsPort() {
        return metricsPort;
    }

    /** Whether the operator is alive, and the end of its standard error: for failure messages. */
    String diagnostics() {
        if (home == null) {
            return "operator not started";
        }
        try {
            List<String> lines = Files.readAllLines(home.home().resolve("err.log"));
            return "operator alive=" + operatorAlive() + "; err.log ends:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "operator alive=" + operatorAlive() + "; no err.log: " + e;
        }
    }

    /** The operator's standard error so far. */
    String operatorLog() throws IOException {
        return Files.readString(home.home().resolve("err.log"));
    }

    void apply(String yaml) throws Exception {
        kubectl.okWithInput(yaml, "apply", "-f", "-");
    }

    /** {@code kubectl get RESOURCE NAME -n NS -o jsonpath=...}. */
    String get(String resource, String name, String jsonpath) throws Exception {
        return kubectl.jsonpath(resource, name, NS, jsonpath);
    }

    boolean exists(String resource, String name) throws Exception {
        return kubectl.run("get", resource, name, "-n", NS).exitCode() == 0;
    }

    /** Waits until {@code jsonpath} of the object reads {@code expected}. */
    String waitFor(String resource, String name, String jsonpath, String expected) throws Exception {
        return Eventually.until(resource + " " + name + " " + jsonpath + " = " + expected, Duration.ofSeconds(60),
                this::diagnostics, () -> get(resource, name, jsonpath), expected::equals);
    }

    /** Waits until the object exists and returns {@code jsonpath} of it. */
    String waitForObject(String resource, String name, String jsonpath) throws Exception {
        Eventually.until(resource + " " + name + " exists", Duration.ofSeconds(60), this::diagnostics,
                () -> exists(resource, name), Boolean::booleanValue);
        return get(resource, name, jsonpath);
    }

    String phase(String fi) throws Exception {
        return get("fileintegrity", fi, "{.status.phase}");
    }

    void waitForPhase(String fi, String phase) throws Exception {
        waitFor("fileintegrity", fi, "{.status.phase}", phase);
    }

    /** Events about {@code fi} as {@code type reason: message}, one per line, oldest first. */
    List<String> events(String fi) throws Exception {
        String out = kubectl.ok("get", "events", "-n", NS, "--field-selector", "involvedObject.name=" + fi,
                "--sort-by=.metadata.creationTimestamp", "-o",
                "jsonpath={range .items[*]}{.type} {.reason}: {.message}{\"\\n\"}{end}");
        return out.lines().toList();
    }

    void waitForEvent(String fi, String event) throws Exception {
        Eventually.until("event '" + event + "' on " + fi, Duration.ofSeconds(60), this::diagnostics, () -> events(fi),
                seen -> seen.contains(event));
    }

    /** Plays the DaemonSet controller and kubelets: {@code nodes} pods scheduled and available, newest spec seen. */
    void markDaemonSetAvailable(String ds, int nodes) throws Exception {
        String generation = get("daemonset", ds, "{.metadata.generation}");
        String status = "{\"status\":{\"currentNumberScheduled\":%d,\"desiredNumberScheduled\":%d,\"numberAvailable\":%d,"
                + "\"numberReady\":%d,\"updatedNumberScheduled\":%d,\"numberMisscheduled\":0,\"observedGeneration\":%s}}";
        kubectl.ok("patch", "daemonset", ds, "-n", NS, "--subresource=status", "--type=merge", "-p",
                String.format(status, nodes, nodes, nodes, nodes, nodes, generation));
    }

    /**
     * Plays a node agent: writes the node status {@code <fi>-<node>} (controller-owned by the FileIntegrity) with
     * one result of {@code condition}; {@code extra} is more YAML of the result (indented by four spaces).
     */
    void reportNode(String fi, String node, String condition, String probeTime, String extra) throws Exception {
        String uid = get("fileintegrity", fi, "{.metadata.uid}");
        String result = "    condition: " + condition + "\n    lastProbeTime: \"" + probeTime + "\"\n" + extra;
        apply("apiVersion: fileintegrity.openshift.io/v1alpha1\nkind: FileIntegrityNodeStatus\nmetadata:\n  name: " + fi + "-"
                + node + "\n  namespace: " + NS + "\n  labels:\n    file-integrity.openshift.io/owner: " + fi + "\n"
                + "  ownerReferences:\n  - apiVersion: fileintegrity.openshift.io/v1alpha1\n    kind: FileIntegrity\n"
                + "    name: " + fi + "\n    uid: " + uid + "\n    controller: true\n    blockOwnerDeletion: true\n"
                + "nodeName: " + node + "\nresults:\n  -\n" + result + "lastResult:\n" + result);
    }

    /** The FIO sample {@code file} of itest/k8s/samples. */
    static String sample(String file) throws IOException {
        return Files.readString(RepositoryFiles.samples().resolve(file));
    }
}
