package io.fileintegrity.itest.nodes;

import static io.fileintegrity.itest.nodes.SimulatedCluster.FILE_INTEGRITY;
import static io.fileintegrity.itest.nodes.SimulatedCluster.NAMESPACE;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.fileintegrity.itest.Eventually;
import io.fileintegrity.itest.k8s.ApiServerRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Many-node simulation (issue 6) on a real kube-apiserver: three Node objects, {@code fio operator}, one
 * FileIntegrity (provider aide) and one {@code fio agent} process per node, each seeing its own temp host root
 * (made with mktree.sh) at /hostroot. Everything is checked with kubectl as a user would. The scenarios run in
 * name order on one cluster; each one uses its own node where it can.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class NodeSimulationIT {

    @ClassRule
    public static final ApiServerRule API = new ApiServerRule();

    private static final int NODES = 3;
    private static final Duration FIRST_RESULTS = Duration.ofMinutes(3);
    private static final Duration ONE_SCAN = Duration.ofSeconds(60);
    /** One node checked by provider ostree (a real OSTree deployment) and one by provider ima (a real capture). */
    private static final String OSTREE = "node-sim-ostree";
    private static final String IMA = "node-sim-ima";
    private static final String IMA_POLICY_KEY = "policy.json";

    private static final List<SimulatedNode> nodes = new ArrayList<>();
    private static SimulatedNode ostreeNode;
    private static SimulatedNode imaNode;
    private static SimulatedCluster cluster;
    private static FailureChecks checks;
    private static Path hostRoots;

    @BeforeClass
    public static void startClusterOperatorAndAgents() throws Exception {
        FioRoleProcess.requireMountNamespaces();
        cluster = new SimulatedCluster(API.kubectl());
        checks = new FailureChecks(cluster);
        cluster.applyManifests();
        hostRoots = Files.createTempDirectory("fio-nodes-");
        for (int i = 0; i < NODES; i++) {
            SimulatedNode node = SimulatedNode.create("worker-" + i, hostRoots, 40, i + 1);
            cluster.createWorkerNode(node.name());
            nodes.add(node);
        }
        ostreeNode = SimulatedNode.prepared("ostree-0", OstreeHostRoot.create(hostRoots.resolve("ostree-0")));
        cluster.createNode(ostreeNode.name(), "fio.fileintegrity.io/sim-ostree");
        imaNode = SimulatedNode.prepared("ima-0", ImaHostRoot.create(hostRoots.resolve("ima-0"),
                SimulationFiles.imaCapture()));
        cluster.createNode(imaNode.name(), "fio.fileintegrity.io/sim-ima");
        cluster.startOperator();
        cluster.applyUserConfig(SimulatedCluster.AIDE_CONF);
        cluster.createFileIntegrity();
        // the booted deployment with the provider's defaults written out; a policy made from the node's own list
        cluster.createFileIntegrityWithConfig(OSTREE, "ostree", "fio.fileintegrity.io/sim-ostree", "ostree.conf",
                "sysroot /\netc info\n");
        cluster.createFileIntegrityWithConfig(IMA, "ima", "fio.fileintegrity.io/sim-ima", IMA_POLICY_KEY,
                FioRoleProcess.run("ima", "policy", "--from-log",
                        imaNode.file("sys/kernel/security/ima/binary_runtime_measurements").toString()));
        cluster.waitForDaemonSet(FILE_INTEGRITY, Duration.ofMinutes(2));
        for (SimulatedNode node : nodes) {
            node.startAgent(API.kubeconfig(), FILE_INTEGRITY, NAMESPACE);
        }
        cluster.waitForDaemonSet(OSTREE, Duration.ofMinutes(1));
        cluster.waitForDaemonSet(IMA, Duration.ofMinutes(1));
        ostreeNode.startAgent(API.kubeconfig(), OSTREE, NAMESPACE);
        imaNode.startAgent(API.kubeconfig(), IMA, NAMESPACE);
    }

    @AfterClass
    public static void stopEverything() throws Exception {
        for (SimulatedNode node : Stream.concat(nodes.stream(), Stream.of(ostreeNode, imaNode))
                .filter(Objects::nonNull).toList()) {
            node.stopAgent();
        }
        if (ostreeNode != null) {
            OstreeHostRoot.makeDeletable(ostreeNode.file(""));
        }
        if (cluster != null) {
            cluster.stopOperator();
        }
        if (hostRoots != null) {
            SimulationFiles.deleteTree(hostRoots);
        }
    }

    @Test
    public void t01_everyNodeSucceedsAndThePhaseBecomesActive() throws Exception {
        Eventually.waitFor("all " + NODES + " node statuses Succeeded", () -> cluster.diagnostics(nodes), FIRST_RESULTS,
                cluster::nodeConditions, c -> c.size() == NODES && c.values().stream().allMatch("Succeeded"::equals));
        cluster.markDaemonSetAvailable(NODES);
        cluster.waitForPhase("Active", Duration.ofSeconds(30));
        for (SimulatedNode node : nodes) {
            cluster.waitForEvent("Normal NodeIntegrityStatus: no changes to node " + node.name(), Duration.ofSeconds(10));
        }
    }

    @Test
    public void t02_aChangedAndAnAddedFileFailOnlyThatNodeWithTheCountsTheLogAndTheEvent() throws Exception {
        SimulatedNode node = nodes.get(1);
        String changed = node.firstDataFile();
        Files.writeString(node.file(changed), "tampered\n", StandardOpenOption.APPEND);
        Files.writeString(node.file("data/added-by-test.txt"), "new\n");
        Eventually.waitFor(node.name() + " Failed", node::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(node.name(), "{.lastResult.condition}"), "Failed"::equals);
        assertEquals("the other nodes are untouched", Map.of("worker-0", "Succeeded", "worker-1", "Failed",
                "worker-2", "Succeeded"), cluster.nodeConditions());
        checks.assertFailure(FILE_INTEGRITY, node, 1, 1, 0,
                List.of("/hostroot/data/added-by-test.txt", "/hostroot/" + changed));
        assertTrue("fio report --configmap shows AIDE's summary", checks.failureLog(FILE_INTEGRITY, node)
                .contains("AIDE found differences between database and filesystem!!"));
        assertEquals("a Failed node leaves the phase Active, as in FIO", "Active", cluster.fileIntegrity("{.status.phase}"));
    }

    @Test
    public void t03_theReinitAnnotationRebuildsThatNodesBaselineKeepsABackupAndTheNodeSucceeds() throws Exception {
        SimulatedNode node = nodes.get(1);
        byte[] oldBaseline = Files.readAllBytes(node.baseline());
        String before = cluster.nodeStatus(node.name(), "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-applied}");
        cluster.kubectl().ok("annotate", "fileintegrity", FILE_INTEGRITY, "-n", NAMESPACE,
                "file-integrity.openshift.io/re-init=" + node.name());
        Eventually.waitFor(node.name() + " acknowledges a new re-init token", node::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(node.name(), "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-applied}"),
                applied -> !applied.isEmpty() && !applied.equals(before));
        Eventually.waitFor("the operator removes the handled re-init annotation", Duration.ofSeconds(30),
                () -> cluster.fileIntegrity("{.metadata.annotations}"), a -> !a.contains("file-integrity.openshift.io/re-init"));
        Eventually.waitFor(node.name() + " Succeeded on the rebuilt baseline", node::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(node.name(), "{.lastResult.condition}"), "Succeeded"::equals);
        assertTrue("the rebuilt baseline differs from the old one (it holds the added file)",
                !java.util.Arrays.equals(oldBaseline, Files.readAllBytes(node.baseline())));
        try (Stream<Path> files = Files.list(node.baseline().getParent())) {
            List<Path> backups = files.filter(f -> f.getFileName().toString().startsWith("aide.db.gz.backup-")).toList();
            assertEquals("FIO's backup of the old baseline next to it: " + backups, 1, backups.size());
            assertArrayEquals("the backup holds the old baseline", oldBaseline, Files.readAllBytes(backups.get(0)));
        }
        assertEquals("the other nodes are untouched", Map.of("worker-0", "Succeeded", "worker-1", "Succeeded",
                "worker-2", "Succeeded"), cluster.nodeConditions());
        cluster.waitForPhase("Active", Duration.ofSeconds(30));
    }

    @Test
    public void t04_aCorruptAideConfPutsThePhaseInErrorWithTheParsersMessageAndAFixBringsItBack() throws Exception {
        String converted = cluster.kubectl().jsonpath("configmap", FILE_INTEGRITY, NAMESPACE, "{.data.aide\\.conf}");
        int badLine = SimulatedCluster.AIDE_CONF.split("\n").length + 1;
        cluster.applyUserConfig(SimulatedCluster.AIDE_CONF + "this is = not valid ((\n");
        cluster.waitForPhase("Error", Duration.ofSeconds(30));
        String message = cluster.fileIntegrity("{.status.message}");
        assertTrue("the parser's message with source and line: " + message,
                message.contains(NAMESPACE + "/" + SimulatedCluster.USER_CONFIG + ":aide.conf:" + badLine + ": "));
        cluster.waitForEvent("Warning FileIntegrityStatus: Error", Duration.ofSeconds(10));
        assertEquals("the agents keep the last good configuration", converted,
                cluster.kubectl().jsonpath("configmap", FILE_INTEGRITY, NAMESPACE, "{.data.aide\\.conf}"));
        cluster.applyUserConfig(SimulatedCluster.AIDE_CONF);
        cluster.waitForPhase("Active", Duration.ofSeconds(30));
        assertEquals("the old error message is gone once the configuration is fixed", "",
                cluster.fileIntegrity("{.status.message}"));
    }

    @Test
    public void t05_aCorruptBaselineMakesThatNodeErroredAndRestoringItRecovers() throws Exception {
        SimulatedNode node = nodes.get(2);
        byte[] baseline = Files.readAllBytes(node.baseline());
        Files.writeString(node.baseline(), "not a database\n");
        Eventually.waitFor(node.name() + " Errored", node::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(node.name(), "{.lastResult.condition}"), "Errored"::equals);
        String error = cluster.nodeStatus(node.name(), "{.lastResult.errorMessage}");
        assertTrue("the error names the baseline file and line: " + error,
                error.contains("/hostroot/etc/kubernetes/aide.db.gz:1:"));
        cluster.waitForPhase("Error", Duration.ofSeconds(30));
        cluster.waitForEvent("Warning NodeIntegrityStatus: node " + node.name() + " has an error! " + error,
                Duration.ofSeconds(20));
        Files.write(node.baseline(), baseline);
        Eventually.waitFor(node.name() + " Succeeded again on the restored baseline", ONE_SCAN,
                () -> cluster.nodeStatus(node.name(), "{.lastResult.condition}"), "Succeeded"::equals);
        cluster.waitForPhase("Active", Duration.ofSeconds(30));
    }

    @Test
    public void t06_aKilledAgentResumesOnItsBaselineAndReportsWhatChangedWhileItWasDown() throws Exception {
        SimulatedNode node = nodes.get(0);
        byte[] baseline = Files.readAllBytes(node.baseline());
        long baselineTime = Files.getLastModifiedTime(node.baseline()).toMillis();
        node.killAgent();
        String changed = node.firstDataFile();
        Files.writeString(node.file(changed), "changed while the agent was down\n", StandardOpenOption.APPEND);
        node.startAgent(API.kubeconfig(), FILE_INTEGRITY, NAMESPACE);
        Eventually.waitFor(node.name() + " Failed after the restart", node::agentDiagnostics, Duration.ofMinutes(2),
                () -> cluster.nodeStatus(node.name(), "{.lastResult.condition}"), "Failed"::equals);
        assertEquals("the change made while the agent was down is reported", "1",
                cluster.nodeStatus(node.name(), "{.lastResult.filesChanged}"));
        List<String> conditions = cluster.nodeStatus(node.name(), "{range .results[*]}{.condition}{\"\\n\"}{end}")
                .lines().toList();
        assertEquals("results hold at most one entry per condition, as in FIO (none lost, none duplicated)",
                List.of("Failed", "Succeeded"), conditions.stream().sorted().toList());
        assertArrayEquals("no re-init: the baseline is the one built before the kill", baseline,
                Files.readAllBytes(node.baseline()));
        assertEquals("no re-init: the baseline file was not rewritten", baselineTime,
                Files.getLastModifiedTime(node.baseline()).toMillis());
    }

    @Test
    public void t07_aDeletedNodeLosesItsStatus() throws Exception {
        SimulatedNode node = nodes.get(2);
        node.stopAgent(); // the node and its pod are gone
        cluster.kubectl().ok("delete", "node", node.name());
        Eventually.waitFor("the node status of deleted node " + node.name() + " is removed", Duration.ofSeconds(60),
                cluster::nodeConditions, c -> !c.containsKey(node.name()));
        assertEquals("the other nodes keep theirs", List.of("worker-0", "worker-1"),
                cluster.nodeConditions().keySet().stream().sorted().toList());
    }

    @Test
    public void t08_anOstreeNodeSucceedsOnItsDeploymentAndASwappedAndAnAddedFileFailIt() throws Exception {
        Eventually.waitFor(ostreeNode.name() + " Succeeded on its booted deployment", ostreeNode::agentDiagnostics,
                FIRST_RESULTS, () -> cluster.nodeConditions(OSTREE), c -> Map.of("ostree-0", "Succeeded").equals(c));
        cluster.markDaemonSetAvailable(OSTREE, 1);
        cluster.waitForPhase(OSTREE, "Active", Duration.ofSeconds(30));
        Path deployment = OstreeHostRoot.deployment(ostreeNode.file(""));
        OstreeHostRoot.replaceFile(deployment.resolve("usr/bin/hello"), "#!/bin/sh\necho swapped\n");
        Files.writeString(deployment.resolve("usr/lib/libinjected.so"), "not from the commit\n");
        Eventually.waitFor(ostreeNode.name() + " Failed", ostreeNode::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(OSTREE, ostreeNode.name(), "{.lastResult.condition}"), "Failed"::equals);
        checks.assertFailure(OSTREE, ostreeNode, 1, 1, 0, List.of("/usr/bin/hello", "/usr/lib/libinjected.so"));
        assertEquals("a Failed node leaves the phase Active", "Active",
                cluster.kubectl().jsonpath("fileintegrity", OSTREE, NAMESPACE, "{.status.phase}"));
    }

    @Test
    public void t09_anImaNodeSucceedsAgainstItsPolicyAndAnUnknownMeasurementFailsIt() throws Exception {
        Eventually.waitFor(imaNode.name() + " Succeeded against the policy made from its list", imaNode::agentDiagnostics,
                FIRST_RESULTS, () -> cluster.nodeConditions(IMA), c -> Map.of("ima-0", "Succeeded").equals(c));
        cluster.markDaemonSetAvailable(IMA, 1);
        cluster.waitForPhase(IMA, "Active", Duration.ofSeconds(30));
        ImaHostRoot.execute(imaNode.file(""), "/usr/local/bin/miner", "not in the policy\n".getBytes());
        Eventually.waitFor(imaNode.name() + " Failed", imaNode::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(IMA, imaNode.name(), "{.lastResult.condition}"), "Failed"::equals);
        checks.assertFailure(IMA, imaNode, 1, 0, 0, List.of("/usr/local/bin/miner"));
        String log = checks.failureLog(IMA, imaNode);
        assertTrue("the TPM still agrees with the list, so the only finding is the policy's:\n" + log,
                !log.contains("pcr10-"));
    }

    @Test
    public void t10_aReinitOfTheImaNodeAcceptsTheNewMeasurementAndItSucceedsAgain() throws Exception {
        String before = cluster.nodeStatus(IMA, imaNode.name(),
                "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-applied}");
        cluster.kubectl().ok("annotate", "fileintegrity", IMA, "-n", NAMESPACE,
                "file-integrity.openshift.io/re-init=" + imaNode.name());
        Eventually.waitFor(imaNode.name() + " acknowledges a new re-init token", imaNode::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(IMA, imaNode.name(),
                        "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-applied}"),
                applied -> !applied.isEmpty() && !applied.equals(before));
        // ima keeps no baseline file: the re-init starts a new checkpoint that accepts what the list holds now
        Eventually.waitFor(imaNode.name() + " Succeeded after the re-init", imaNode::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(IMA, imaNode.name(), "{.lastResult.condition}"), "Succeeded"::equals);
        cluster.waitForPhase(IMA, "Active", Duration.ofSeconds(30));
    }

    @Test
    public void t11_anOsUpdateOfTheOstreeNodeIsVerifiedAgainstItsNewCommitWithoutReinit() throws Exception {
        Path tampered = OstreeHostRoot.deployment(ostreeNode.file(""));
        String before = cluster.nodeStatus(OSTREE, ostreeNode.name(),
                "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-applied}");
        OstreeHostRoot.update(ostreeNode.file("")); // a new commit deployed with ostree admin deploy
        OstreeHostRoot.reboot(ostreeNode.file(""));
        Path booted = OstreeHostRoot.deployment(ostreeNode.file(""));
        assertTrue("the node booted the new deployment: " + booted, !booted.equals(tampered));
        Eventually.waitFor(ostreeNode.name() + " Succeeded on the updated deployment (changed /usr/bin/hello, new library)",
                ostreeNode::agentDiagnostics, ONE_SCAN,
                () -> cluster.nodeStatus(OSTREE, ostreeNode.name(), "{.lastResult.condition}"), "Succeeded"::equals);
        assertEquals("no re-init was needed or made", before, cluster.nodeStatus(OSTREE, ostreeNode.name(),
                "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-applied}"));
        assertTrue("the tampered deployment is still there as the rollback",
                Files.exists(tampered.resolve("usr/lib/libinjected.so")));
        cluster.waitForPhase(OSTREE, "Active", Duration.ofSeconds(30));
    }
}
