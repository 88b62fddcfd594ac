package io.fileintegrity.k8s.bridge.controller;

import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.crd.NodeScanResult;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns node results written by the agents into FIO's {@code NodeIntegrityStatus} events and node metrics,
 * with FIO's rule (fio-operator.md §3): report a node's first result, a changed condition, or a Failed result
 * with other counts; repeat nothing. After an operator restart, a status that existed before the start is
 * reported again only when Failed, which is what FIO's gauge check amounts to: alerts survive restarts.
 */
public class NodeStatusReporter {

    /** The event reason. */
    public static final String REASON = "NodeIntegrityStatus";

    private final EventRecorder events;
    private final FioMetrics metrics;
    private final Instant operatorStarted;
    private final Map<String, NodeScanResult> lastReported = new ConcurrentHashMap<>();

    public NodeStatusReporter(EventRecorder events, FioMetrics metrics, Instant operatorStarted) {
        this.events = events;
        this.metrics = metrics;
        this.operatorStarted = operatorStarted;
    }

    /** Reports {@code status} if its last result is news. */
    public void observe(FileIntegrity fi, FileIntegrityNodeStatus status) {
        NodeScanResult result = status.getLastResult();
        if (result == null || result.getCondition() == null) {
            return;
        }
        String key = status.getMetadata().getNamespace() + "/" + status.getMetadata().getName();
        NodeScanResult previous = lastReported.put(key, result);
        if (previous == null ? !firstSightIsNews(status, result) : previous.sameOutcome(result)) {
            updateGauge(status.getNodeName(), result);
            return;
        }
        report(fi, status.getNodeName(), result);
    }

    /** Forgets a deleted node status. */
    public void forget(String namespace, String name) {
        lastReported.remove(namespace + "/" + name);
    }

    private boolean firstSightIsNews(FileIntegrityNodeStatus status, NodeScanResult result) {
        String created = status.getMetadata().getCreationTimestamp();
        boolean createdWhileRunning = created == null || !Instant.parse(created).isBefore(operatorStarted);
        return createdWhileRunning || result.getCondition() == NodeCondition.Failed;
    }

    private void report(FileIntegrity fi, String node, NodeScanResult result) {
        metrics.nodeStatus(result.getCondition().name(), node);
        updateGauge(node, result);
        switch (result.getCondition()) {
            case Succeeded -> events.normal(fi, EventRecorder.NODE_COMPONENT, REASON, "no changes to node " + node);
            case Failed -> events.warning(fi, EventRecorder.NODE_COMPONENT, REASON, "node " + node + " has changed! a:"
                    + result.getFilesAdded() + ",c:" + result.getFilesChanged() + ",r:" + result.getFilesRemoved()
                    + " log:" + result.getResultConfigMapNamespace() + "/" + result.getResultConfigMapName());
            case Errored -> {
                metrics.nodeStatusError(errorKind(result.getErrorMessage()), node);
                events.warning(fi, EventRecorder.NODE_COMPONENT, REASON,
                        "node " + node + " has an error! " + result.getErrorMessage());
            }
        }
    }

    private void updateGauge(String node, NodeScanResult result) {
        if (result.getCondition() != NodeCondition.Errored) {
            metrics.nodeFailed(node, result.getCondition() == NodeCondition.Failed);
        }
    }

    /** A bounded word for an error text, instead of FIO's raw message label. */
    static String errorKind(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("provider")) {
            return "provider";
        }
        if (m.contains("config") || m.contains("line")) {
            return "config";
        }
        if (m.contains("baseline") || m.contains("database")) {
            return "baseline";
        }
        return "scan";
    }
}
