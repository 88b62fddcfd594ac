package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import java.util.List;

/** Reads straight from the API server, one request each: for reconciles without informers (tests, fallbacks). */
public class LiveReads implements ClusterReads {

    private final KubernetesClient client;

    public LiveReads(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public FileIntegrity fileIntegrity(String namespace, String name) {
        return client.resources(FileIntegrity.class).inNamespace(namespace).withName(name).get();
    }

    @Override
    public List<Node> nodes() {
        return client.nodes().list().getItems();
    }

    @Override
    public List<FileIntegrityNodeStatus> nodeStatuses(String namespace, String owner) {
        return client.resources(FileIntegrityNodeStatus.class).inNamespace(namespace).withLabel(Labels.OWNER, owner)
                .list().getItems();
    }

    @Override
    public ConfigMap configMap(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get();
    }

    @Override
    public DaemonSet daemonSet(String namespace, String name) {
        return client.apps().daemonSets().inNamespace(namespace).withName(name).get();
    }
}
