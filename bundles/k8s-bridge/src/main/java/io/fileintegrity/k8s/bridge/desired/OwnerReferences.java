package io.fileintegrity.k8s.bridge.desired;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;

/** Owner references to a FileIntegrity, so that deleting it garbage-collects what it owns. */
public final class OwnerReferences {

    private OwnerReferences() {
    }

    /** A controller reference (FIO's {@code SetControllerReference}). */
    public static OwnerReference controllerOf(FileIntegrity fi) {
        return new OwnerReferenceBuilder()
                .withApiVersion(fi.getApiVersion())
                .withKind(fi.getKind())
                .withName(fi.getMetadata().getName())
                .withUid(fi.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
