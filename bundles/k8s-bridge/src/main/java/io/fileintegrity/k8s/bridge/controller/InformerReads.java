package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import java.util.List;
import java.util.Map;

/**
 * Reads from the caches of the operator's informers (bound by {@link OperatorController} each time it starts
 * leading), so that a reconcile, and above all the periodic resync of an idle operator, sends no GET or LIST.
 * The informers watch the operator's namespace; a ConfigMap in another namespace (a user config FIO could not
 * see either) is read through {@code fallback}.
 */
public class InformerReads implements ClusterReads {

    /** The informers of one leadership term. */
    public record Informers(SharedIndexInformer<FileIntegrity> fileIntegrities, SharedIndexInformer<Node> nodes,
            SharedIndexInformer<FileIntegrityNodeStatus> nodeStatuses, SharedIndexInformer<ConfigMap> configMaps,
            SharedIndexInformer<DaemonSet> daemonSets, String namespace) {
    }

    private final ClusterReads fallback;
    private volatile Informers informers;

    public InformerReads(ClusterReads fallback) {
        this.fallback = fallback;
    }

    /** Reads from {@code informers} from now on (null: straight from the API server). */
    public void bind(Informers informers) {
        this.informers = informers;
    }

    @Override
    public FileIntegrity fileIntegrity(String namespace, String name) {
        Informers i = informers;
        return i == null || !namespace.equals(i.namespace()) ? fallback.fileIntegrity(namespace, name)
                : i.fileIntegrities().getStore().getByKey(namespace + "/" + name);
    }

    @Override
    public List<Node> nodes() {
        Informers i = informers;
        return i == null ? fallback.nodes() : i.nodes().getStore().list();
    }

    @Override
    public List<FileIntegrityNodeStatus> nodeStatuses(String namespace, String owner) {
        Informers i = informers;
        if (i == null || !namespace.equals(i.namespace())) {
            return fallback.nodeStatuses(namespace, owner);
        }
        return i.nodeStatuses().getStore().list().stream().filter(s -> {
            Map<String, String> labels = s.getMetadata().getLabels();
            return labels != null && owner.equals(labels.get(Labels.OWNER));
        }).toList();
    }

    @Override
    public ConfigMap configMap(String namespace, String name) {
        Informers i = informers;
        return i == null || !namespace.equals(i.namespace()) ? fallback.configMap(namespace, name)
                : i.configMaps().getStore().getByKey(namespace + "/" + name);
    }

    @Override
    public DaemonSet daemonSet(String namespace, String name) {
        Informers i = informers;
        return i == null || !namespace.equals(i.namespace()) ? fallback.daemonSet(namespace, name)
                : i.daemonSets().getStore().getByKey(namespace + "/" + name);
    }
}
