package io.fileintegrity.k8s.bridge.desired;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.k8s.bridge.crd.Labels;

/**
 * FIO's permanent failure ConfigMap {@code aide-<fi>-<node>-failed}: the log under {@code integritylog}, the
 * count annotations, the {@code result-log} label, and the {@code compressed} annotation when the log is
 * gzip+base64. No owner reference: it survives the FileIntegrity, as in FIO.
 */
public final class FailureConfigMap {

    private FailureConfigMap() {
    }

    /**
     * The ConfigMap for one Failed scan.
     *
     * @param namespace the FileIntegrity's namespace
     * @param fileIntegrity its name
     * @param node the node scanned
     * @param counts the added, changed and removed counts
     * @param log the log as packed for a ConfigMap
     */
    public static ConfigMap build(String namespace, String fileIntegrity, String node, ChangeCounts counts,
            ConfigMapLog log) {
        ObjectMetaBuilder meta = new ObjectMetaBuilder()
                .withName(ObjectNames.failureConfigMap(fileIntegrity, node))
                .withNamespace(namespace)
                .addToLabels(Labels.OWNER, fileIntegrity)
                .addToLabels(Labels.NODE, node)
                .addToLabels(Labels.RESULT_LOG, "")
                .addToAnnotations(Labels.FILES_ADDED, Long.toString(counts.added()))
                .addToAnnotations(Labels.FILES_CHANGED, Long.toString(counts.changed()))
                .addToAnnotations(Labels.FILES_REMOVED, Long.toString(counts.removed()));
        if (log.compressed()) {
            meta.addToAnnotations(Labels.COMPRESSED, "");
        }
        return new ConfigMapBuilder().withMetadata(meta.build()).addToData(Labels.INTEGRITY_LOG_KEY, log.data()).build();
    }
}
