package io.fileintegrity.k8s.bridge.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigMapTest {

    @Test
    void aideConfigGoesUnderAideConfWithFiosLabelsAndNoOwner() {
        ConfigMap cm = ProviderConfigMap.build(FileIntegrities.named("ns", "fi"), "text");
        assertEquals("fi", cm.getMetadata().getName());
        assertEquals(Map.of("aide.conf", "text"), cm.getData());
        assertEquals(Map.of("file-integrity.openshift.io/aide-conf", "", "file-integrity.openshift.io/owner", "fi"),
                cm.getMetadata().getLabels());
        assertTrue(cm.getMetadata().getOwnerReferences().isEmpty());
    }

    @Test
    void otherProvidersUseTheirOwnKey() {
        FileIntegrity fi = FileIntegrities.named("ns", "fi");
        fi.getSpec().setProvider("ima");
        assertEquals(Map.of("ima.conf", "policy"), ProviderConfigMap.build(fi, "policy").getData());
    }
}
