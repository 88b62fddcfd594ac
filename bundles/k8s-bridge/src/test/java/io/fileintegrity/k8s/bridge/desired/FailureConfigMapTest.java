package io.fileintegrity.k8s.bridge.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.report.ConfigMapLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureConfigMapTest {

    @Test
    void failureConfigMapHasFiosNameLabelsCountsAndLog() {
        ConfigMap cm = FailureConfigMap.build("ns", "fi", "node-1", new ChangeCounts(3, 1, 0),
                new ConfigMapLog("AIDE found differences", false));
        assertEquals("aide-fi-node-1-failed", cm.getMetadata().getName());
        assertEquals(Map.of("file-integrity.openshift.io/owner", "fi", "file-integrity.openshift.io/node", "node-1",
                "file-integrity.openshift.io/result-log", ""), cm.getMetadata().getLabels());
        assertEquals(Map.of("file-integrity.openshift.io/files-added", "3", "file-integrity.openshift.io/files-changed",
                "1", "file-integrity.openshift.io/files-removed", "0"), cm.getMetadata().getAnnotations());
        assertEquals(Map.of("integritylog", "AIDE found differences"), cm.getData());
        assertTrue(cm.getMetadata().getOwnerReferences().isEmpty());
    }

    @Test
    void compressedLogCarriesTheCompressedAnnotation() {
        ConfigMap cm = FailureConfigMap.build("ns", "fi", "n", ChangeCounts.NONE, new ConfigMapLog("H4sI", true));
        assertEquals("", cm.getMetadata().getAnnotations().get("file-integrity.openshift.io/compressed"));
    }
}
