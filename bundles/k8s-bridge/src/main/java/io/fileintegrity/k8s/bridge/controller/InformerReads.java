package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, OwnWrite> ownWrites = new ConcurrentHashMap<>();
    private volatile Informers informers;

    /** A FileIntegrity this operator wrote: the versions it replaced and the object the API server returned. */
    private record OwnWrite(Set<String> replacedVersions, FileIntegrity written) {
    }

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
        if (i == null || !namespace.equals(i.namespace())) {
            return fallback.fileIntegrity(namespace, name);
        }
        String key = namespace + "/" + name;
        FileIntegrity cached = i.fileIntegrities().getStore().getByKey(key);
        OwnWrite own = ownWrites.get(key);
        if (own != null && cached != null && own.replacedVersions().contains(cached.getMetadata().getResourceVersion())) {
            return own.written(); // the cache has not seen our own write yet
        }
        ownWrites.remove(key);
        return cached;
    }

    @Override
    public void wrote(FileIntegrity before, FileIntegrity after) {
        if (before == null || after == null || before.getMetadata().getResourceVersion() == null) {
            return;
        }
        String key = before.getMetadata().getNamespace() + "/" + before.getMetadata().getName();
        Set<String> replaced = new HashSet<>(Set.of(before.getMetadata().getResourceVersion()));
        OwnWrite earlier = ownWrites.get(key);
        String base = before.getMetadata().getResourceVersion();
        if (earlier != null && (earlier.replacedVersions().contains(base)
                || base.equals(earlier.written().getMetadata().getResourceVersion()))) {
            replaced.addAll(earlier.replacedVersions()); // two writes in one reconcile, both unseen by the cache
            replaced.add(earlier.written().getMetadata().getResourceVersion());
        }
        ownWrites.put(key, new OwnWrite(Set.copyOf(replaced), after));
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
