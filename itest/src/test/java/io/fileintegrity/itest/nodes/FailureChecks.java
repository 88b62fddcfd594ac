package io.fileintegrity.itest.nodes;

import static io.fileintegrity.itest.nodes.SimulatedCluster.NAMESPACE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What a user checks of a Failed node with kubectl: the status counts, the failure ConfigMap and FIO's event. */
final class FailureChecks {

    private final SimulatedCluster cluster;

    FailureChecks(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    /** The node status counts, the failure ConfigMap's count annotations, the paths in its log and FIO's event. */
    void assertFailure(String fi, SimulatedNode node, int added, int changed, int removed, List<String> paths)
            throws Exception {
        String configMap = configMap(fi, node);
        String counts = added + "/" + changed + "/" + removed;
        String status = cluster.nodeStatus(fi, node.name(), "{.lastResult.filesAdded}/{.lastResult.filesChanged}/"
                + "{.lastResult.filesRemoved}/{.lastResult.resultConfigMapName}");
        assertEquals("added/changed/removed and the failure ConfigMap of " + node.name(), counts + "/" + configMap,
                zeroForMissing(status));
        assertEquals("count annotations of " + configMap, counts, cluster.kubectl().jsonpath("configmap", configMap,
                NAMESPACE, "{.metadata.annotations.file-integrity\\.openshift\\.io/files-added}/"
                        + "{.metadata.annotations.file-integrity\\.openshift\\.io/files-changed}/"
                        + "{.metadata.annotations.file-integrity\\.openshift\\.io/files-removed}"));
        String log = failureLog(fi, node);
        for (String path : paths) {
            assertTrue("the failure log (fio report --configmap) names " + path + ":\n" + log, log.contains(path));
        }
        cluster.waitForEvent("Warning NodeIntegrityStatus: node " + node.name() + " has changed! a:" + added + ",c:"
                + changed + ",r:" + removed + " log:" + NAMESPACE + "/" + configMap, Duration.ofSeconds(20));
    }

    /** The failure ConfigMap's log as {@code fio report --configmap} shows it. */
    String failureLog(String fi, SimulatedNode node) throws Exception {
        Path saved = Files.createTempFile("failed-cm-", ".yaml");
        try {
            Files.writeString(saved, cluster.kubectl().ok("get", "configmap", configMap(fi, node), "-n", NAMESPACE,
                    "-o", "yaml"));
            return FioRoleProcess.run("report", "--configmap", saved.toString());
        } finally {
            Files.delete(saved);
        }
    }

    private static String configMap(String fi, SimulatedNode node) {
        return "aide-" + fi + "-" + node.name() + "-failed";
    }

    /** A count left out of the status (omitted when zero) reads as 0. */
    private static String zeroForMissing(String slashSeparated) {
        return String.join("/", Arrays.stream(slashSeparated.split("/", -1)).map(v -> v.isEmpty() ? "0" : v).toList());
    }
}
