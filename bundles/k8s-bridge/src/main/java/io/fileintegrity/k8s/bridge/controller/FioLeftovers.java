package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.Labels;

/**
 * Removes what FIO's operator and daemon leave behind for a FileIntegrity this operator now owns: FIO's re-init
 * DaemonSets ({@code reinit-owner} label), its legacy {@code aide-ds-*} DaemonSets, and temporary result
 * ConfigMaps ({@code log} label) that nobody will process any more. Run when the check DaemonSet is created or
 * replaced, as FIO cleans up its legacy DaemonSets.
 */
public class FioLeftovers {

    private final KubernetesClient client;

    public FioLeftovers(KubernetesClient client) {
        this.client = client;
    }

    /** Deletes FIO's leftovers of {@code fi}; returns how many objects went. */
    public int clean(FileIntegrity fi) {
        String ns = fi.getMetadata().getNamespace();
        String name = fi.getMetadata().getName();
        int deleted = 0;
        for (DaemonSet ds : client.apps().daemonSets().inNamespace(ns).withLabel(Labels.REINIT_OWNER, name).list().getItems()) {
            client.resource(ds).delete();
            deleted++;
        }
        for (DaemonSet ds : client.apps().daemonSets().inNamespace(ns).withLabel(Labels.OWNER, name).list().getItems()) {
            if (ds.getMetadata().getName().startsWith("aide-ds-")) {
                client.resource(ds).delete();
                deleted++;
            }
        }
        deleted += client.configMaps().inNamespace(ns).withLabel(Labels.LOG).withLabel(Labels.OWNER, name).list().getItems()
                .stream().mapToInt(cm -> client.resource(cm).delete().size()).sum();
        return deleted;
    }
}
