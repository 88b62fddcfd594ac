package io.fileintegrity.k8s.bridge.desired;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegritySpec;
import io.fileintegrity.k8s.bridge.crd.Labels;

/**
 * The operator's config ConfigMap {@code <fi>}: the provider configuration the agents use, already converted.
 * Like FIO's it has no owner reference (it outlives the FileIntegrity) and carries the {@code aide-conf} and
 * {@code owner} labels.
 */
public final class ProviderConfigMap {

    private ProviderConfigMap() {
    }

    /** The data key for {@code provider}: FIO's {@code aide.conf} for AIDE, {@code <provider>.conf} otherwise. */
    public static String dataKey(String provider) {
        return FileIntegritySpec.DEFAULT_PROVIDER.equals(provider) ? Labels.AIDE_CONF_KEY : provider + ".conf";
    }

    /** The ConfigMap holding {@code text} for {@code fi}'s provider. */
    public static ConfigMap build(FileIntegrity fi, String text) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(ObjectNames.configMap(fi.getMetadata().getName()))
                    .withNamespace(fi.getMetadata().getNamespace())
                    .addToLabels(Labels.AIDE_CONF, "")
                    .addToLabels(Labels.OWNER, fi.getMetadata().getName())
                .endMetadata()
                .addToData(dataKey(fi.getSpec().providerName()), text)
                .build();
    }
}
