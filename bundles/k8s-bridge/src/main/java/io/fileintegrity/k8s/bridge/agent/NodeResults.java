package io.fileintegrity.k8s.bridge.agent;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.crd.NodeScanResult;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Turns a scan result into FIO's node result entry. */
public final class NodeResults {

    private NodeResults() {
    }

    /**
     * The entry for {@code result}, probed at {@code finished} (second precision, as FIO's timestamps).
     *
     * @param failureConfigMap the failure ConfigMap's name, used only for a Failed result
     */
    public static NodeScanResult of(ScanResult result, Instant finished, String namespace, String failureConfigMap) {
        NodeScanResult entry = new NodeScanResult();
        entry.setCondition(NodeCondition.of(result.outcome()));
        entry.setLastProbeTime(DateTimeFormatter.ISO_INSTANT.format(finished.truncatedTo(ChronoUnit.SECONDS)));
        switch (result.outcome()) {
            case FAILED -> {
                entry.setFilesAdded(clamp(result.counts().added()));
                entry.setFilesChanged(clamp(result.counts().changed()));
                entry.setFilesRemoved(clamp(result.counts().removed()));
                entry.setResultConfigMapName(failureConfigMap);
                entry.setResultConfigMapNamespace(namespace);
            }
            case ERRORED -> entry.setErrorMessage(result.errorMessage());
            case SUCCEEDED -> {
                // nothing but the condition and the time, as in FIO
            }
        }
        return entry;
    }

    private static int clamp(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }
}
