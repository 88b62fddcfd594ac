package io.fileintegrity.k8s.bridge.desired;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegritySpec;

/** FileIntegrity objects for tests. */
public final class FileIntegrities {

    private FileIntegrities() {
    }

    /** A FileIntegrity {@code name} in {@code namespace} with an empty config, as a user would create it. */
    public static FileIntegrity named(String namespace, String name) {
        FileIntegrity fi = new FileIntegrity();
        fi.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withUid("uid-" + name).build());
        fi.setSpec(new FileIntegritySpec());
        return fi;
    }
}
