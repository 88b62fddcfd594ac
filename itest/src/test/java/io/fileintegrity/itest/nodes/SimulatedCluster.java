package io.fileintegrity.itest.nodes;

import io.fileintegrity.itest.Eventually;
import io.fileintegrity.itest.k8s.Kubectl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cluster side of the simulation, all through kubectl as an administrator would: FIO's manifests, Node
 * objects, the {@code fio operator} process, one FileIntegrity with its aide.conf ConfigMap, and the part of the
 * DaemonSet controller that no kube-controller-manager plays here (the DaemonSet's status).
 */
final class SimulatedCluster {

    static final String NAMESPACE = "openshift-file-integrity";
    static final String FILE_INTEGRITY = "node-sim";
    static final String USER_CONFIG = "node-sim-conf";
    /** FIO-style: database and log under DBDIR/LOGDIR, which the operator rewrites to /hostroot/etc/kubernetes. */
    static final String AIDE_CONF = String.join("\n",
            "@@define DBDIR /etc/kubernetes",
            "@@define LOGDIR /etc/kubernetes",
            "database=file:@@{DBDIR}/aide.db.gz",
            "database_out=file:@@{DBDIR}/aide.db.gz.new",
            "gzip_dbout=yes",
            "report_url=file:@@{LOGDIR}/aide.log",
            "report_url=stdout",
            "CONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs",
            "/data CONTENT_EX", "");

    private final Kubectl kubectl;
    private FioRoleProcess operator;

    SimulatedCluster(Kubectl kubectl) {
        this.kubectl = kubectl;
    }

    Kubectl kubectl() {
        return kubectl;
    }

    /** CRDs (established), namespace, service accounts and RBAC: the manifests minus the operator Deployment. */
    void applyManifests() throws Exception {
        Path manifests = SimulationFiles.manifests();
        kubectl.ok("apply", "-f", manifests.resolve("crds").toString());
        kubectl.ok("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s");
        try (Stream<Path> files = Files.list(manifests)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.matches("0[0-4]-.*\\.yaml")) {
                    kubectl.ok("apply", "-f", file.toString());
                }
            }
        }
    }

    void createWorkerNode(String name) throws Exception {
        createNode(name, "node-role.kubernetes.io/worker");
    }

    /** A Node with one label (empty value), e.g. the worker role or a label only one FileIntegrity selects. */
    void createNode(String name, String label) throws Exception {
        kubectl.okWithInput("apiVersion: v1\nkind: Node\nmetadata:\n  name: " + name
                + "\n  labels:\n    " + label + ": \"\"\n", "apply", "-f", "-");
    }

    void startOperator() throws IOException {
        operator = FioRoleProcess.start(SimulationFiles.logDirectory("operator"), null, Map.of(), "operator",
                "--kubeconfig=" + kubectl.kubeconfig(), "--namespace=" + NAMESPACE, "--image=fio:e2e",
                "--resyncSeconds=5");
    }

    void stopOperator() throws InterruptedException {
        if (operator != null) {
            operator.stop();
        }
    }

    String operatorDiagnostics() {
        return operator == null ? "no operator" : "operator alive=" + operator.isAlive() + "\n" + operator.errTail();
    }

    /** The user's ConfigMap with {@code aideConf} under key aide.conf (created or replaced). */
    void applyUserConfig(String aideConf) throws Exception {
        applyUserConfig(USER_CONFIG, "aide.conf", aideConf);
    }

    /** The user's ConfigMap {@code name} with {@code text} under {@code key} (created or replaced). */
    void applyUserConfig(String name, String key, String text) throws Exception {
        String yaml = kubectl.okWithInput(text, "create", "configmap", name, "-n", NAMESPACE,
                "--from-file=" + key + "=/dev/stdin", "--dry-run=client", "-o", "yaml");
        kubectl.okWithInput(yaml, "apply", "-f", "-");
    }

    /** The FileIntegrity as a user writes it: workers, the user's aide.conf, a 10 s grace period (the minimum). */
    void createFileIntegrity() throws Exception {
        createFileIntegrity(FILE_INTEGRITY, "aide", "node-role.kubernetes.io/worker", USER_CONFIG, "aide.conf");
    }

    /** A FileIntegrity of {@code provider} for the nodes with {@code nodeLabel}, configured by a user ConfigMap. */
    /** A FileIntegrity {@code name} of {@code provider} with its own ConfigMap {@code <name>-conf} holding {@code text}. */
    void createFileIntegrityWithConfig(String name, String provider, String nodeLabel, String key, String text)
            throws Exception {
        applyUserConfig(name + "-conf", key, text);
        createFileIntegrity(name, provider, nodeLabel, name + "-conf", key);
    }

    /** The operator's diagnostics, then each of {@code nodes}' agent's. */
    String diagnostics(List<SimulatedNode> nodes) {
        StringBuilder out = new StringBuilder(operatorDiagnostics());
        nodes.forEach(n -> out.append("\n").append(n.agentDiagnostics()));
        return out.toString();
    }

    /** Waits until the operator has made the DaemonSet {@code aide-<fi>}. */
    void waitForDaemonSet(String fi, Duration timeout) throws Exception {
        Eventually.waitFor("the operator creates DaemonSet aide-" + fi, this::operatorDiagnostics, timeout,
                () -> kubectl.run("get", "daemonset", "aide-" + fi, "-n", NAMESPACE).exitCode(), code -> code == 0);
    }

    void createFileIntegrity(String name, String provider, String nodeLabel, String configMap, String key)
            throws Exception {
        kubectl.okWithInput(String.join("\n", "apiVersion: fileintegrity.openshift.io/v1alpha1",
                "kind: FileIntegrity", "metadata:", "  name: " + name, "  namespace: " + NAMESPACE, "spec:",
                "  provider: " + provider, "  nodeSelector:", "    " + nodeLabel + ": \"\"", "  config:",
                "    name: " + configMap, "    namespace: " + NAMESPACE, "    key: " + key, "    gracePeriod: 10",
                ""), "apply", "-f", "-");
    }

    /** Plays the DaemonSet controller and kubelets: all {@code nodes} pods scheduled and available, newest spec seen. */
    void markDaemonSetAvailable(int nodes) throws Exception {
        markDaemonSetAvailable(FILE_INTEGRITY, nodes);
    }

    /** As {@link #markDaemonSetAvailable(int)} for the DaemonSet of FileIntegrity {@code fi}. */
    void markDaemonSetAvailable(String fi, int nodes) throws Exception {
        String generation = kubectl.jsonpath("daemonset", "aide-" + fi, NAMESPACE, "{.metadata.generation}");
        String status = "{\"status\":{\"currentNumberScheduled\":%d,\"desiredNumberScheduled\":%d,\"numberAvailable\":%d,"
                + "\"numberReady\":%d,\"updatedNumberScheduled\":%d,\"numberMisscheduled\":0,\"observedGeneration\":%s}}";
        kubectl.ok("patch", "daemonset", "aide-" + fi, "-n", NAMESPACE, "--subresource=status",
                "--type=merge", "-p", String.format(status, nodes, nodes, nodes, nodes, nodes, generation));
    }

    /** {@code kubectl get fileintegritynodestatuses}: node name to the condition of its last result. */
    Map<String, String> nodeConditions() throws Exception {
        return nodeConditions(FILE_INTEGRITY);
    }

    /** As {@link #nodeConditions()} for the node statuses of FileIntegrity {@code fi} (its owner label). */
    Map<String, String> nodeConditions(String fi) throws Exception {
        String out = kubectl.ok("get", "fileintegritynodestatuses", "-n", NAMESPACE, "-l",
                "file-integrity.openshift.io/owner=" + fi, "-o",
                "jsonpath={range .items[*]}{.nodeName}={.lastResult.condition}{\"\\n\"}{end}");
        Map<String, String> conditions = new LinkedHashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> conditions.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        return conditions;
    }

    /** A jsonpath of the node status {@code <fi>-<node>}. */
    String nodeStatus(String node, String jsonpath) throws Exception {
        return nodeStatus(FILE_INTEGRITY, node, jsonpath);
    }

    /** A jsonpath of the node status {@code <fi>-<node>}. */
    String nodeStatus(String fi, String node, String jsonpath) throws Exception {
        return kubectl.jsonpath("fileintegritynodestatuses", fi + "-" + node, NAMESPACE, jsonpath);
    }

    String fileIntegrity(String jsonpath) throws Exception {
        return kubectl.jsonpath("fileintegrity", FILE_INTEGRITY, NAMESPACE, jsonpath);
    }

    /** Waits for the phase; the message names the node statuses seen last. */
    void waitForPhase(String phase, Duration timeout) throws Exception {
        waitForPhase(FILE_INTEGRITY, phase, timeout);
    }

    /** Waits for the phase of FileIntegrity {@code fi}. */
    void waitForPhase(String fi, String phase, Duration timeout) throws Exception {
        Eventually.waitFor("FileIntegrity " + fi + " phase " + phase, timeout,
                () -> kubectl.jsonpath("fileintegrity", fi, NAMESPACE, "{.status}") + " nodes " + nodeConditions(fi),
                seen -> seen.contains("\"phase\":\"" + phase + "\""));
    }

    /** Events in the namespace as {@code type reason: message}, one per line. */
    List<String> events() throws Exception {
        String out = kubectl.ok("get", "events", "-n", NAMESPACE, "-o",
                "jsonpath={range .items[*]}{.type} {.reason}: {.message}{\"\\n\"}{end}");
        return new ArrayList<>(out.lines().toList());
    }

    void waitForEvent(String event, Duration timeout) throws Exception {
        Eventually.waitFor("event '" + event + "'", timeout, this::events, seen -> seen.contains(event));
    }
}
