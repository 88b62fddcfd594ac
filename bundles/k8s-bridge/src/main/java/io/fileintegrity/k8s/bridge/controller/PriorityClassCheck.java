package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;

/**
 * FIO's {@code priorityClassName} rule: a class that cannot be read is reported with FIO's Warning event and
 * cleared from the FileIntegrity's spec, so the pods still get scheduled.
 */
public class PriorityClassCheck {

    /** FIO's event reason. */
    public static final String REASON = "PriorityClass";

    private final KubernetesClient client;
    private final EventRecorder events;

    public PriorityClassCheck(KubernetesClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    /** Whether the spec named an unusable class and was cleared (the caller reconciles again). */
    public boolean clearIfInvalid(FileIntegrity fi) {
        String name = fi.getSpec().getPriorityClassName();
        if (name == null || name.isEmpty() || exists(name)) {
            return false;
        }
        events.warning(fi, EventRecorder.FILEINTEGRITY_COMPONENT, REASON,
                "Error while getting priority class '" + name + "', PriorityClass not found or invalid");
        client.resources(FileIntegrity.class).inNamespace(fi.getMetadata().getNamespace())
                .withName(fi.getMetadata().getName())
                .edit(live -> {
                    live.getSpec().setPriorityClassName(null);
                    return live;
                });
        return true;
    }

    private boolean exists(String name) {
        try {
            return client.scheduling().v1().priorityClasses().withName(name).get() != null;
        } catch (KubernetesClientException e) {
            return false;
        }
    }
}
