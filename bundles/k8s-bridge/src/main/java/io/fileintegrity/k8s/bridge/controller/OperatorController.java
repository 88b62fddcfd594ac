package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityConfig;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reconciler while this operator is the leader: informers on FileIntegrities, node statuses, the
 * check DaemonSets, ConfigMaps (user configs and our config ConfigMaps) and Nodes map every event to the keys
 * of the FileIntegrities concerned; one worker reconciles them. The reconciler reads from these informers'
 * caches ({@link InformerReads}), bound once they have synced.
 */
public class OperatorController {

    private final KubernetesClient client;
    private final FileIntegrityReconciler reconciler;
    private final String namespace;
    private final Duration resync;
    private final FioMetrics metrics;
    private final InformerReads reads;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private ReconcileQueue queue;
    private SharedIndexInformer<FileIntegrity> fileIntegrities;

    public OperatorController(KubernetesClient client, FileIntegrityReconciler reconciler, String namespace,
            Duration resync, FioMetrics metrics) {
        this(client, reconciler, namespace, resync, metrics, new InformerReads(new LiveReads(client)));
    }

    /** A controller that binds {@code reads} (which {@code reconciler} uses) to its informers while it runs. */
    public OperatorController(KubernetesClient client, FileIntegrityReconciler reconciler, String namespace,
            Duration resync, FioMetrics metrics, InformerReads reads) {
        this.reads = reads;
        this.client = client;
        this.reconciler = reconciler;
        this.namespace = namespace;
        this.resync = resync;
        this.metrics = metrics;
    }

    /** Starts the informers and the worker (when elected). */
    public synchronized void start() {
        queue = new ReconcileQueue(key -> reconciler.reconcile(namespace, key), metrics::error);
        fileIntegrities = client.resources(FileIntegrity.class).inNamespace(namespace)
                .inform(new KeyHandler<>(fi -> List.of(fi.getMetadata().getName()), queue::enqueue), resync.toMillis());
        informers.add(fileIntegrities);
        SharedIndexInformer<FileIntegrityNodeStatus> statuses = client.resources(FileIntegrityNodeStatus.class)
                .inNamespace(namespace).inform(new KeyHandler<>(OperatorController::owner, queue::enqueue), 0);
        SharedIndexInformer<DaemonSet> daemonSets = client.apps().daemonSets().inNamespace(namespace).withLabel(Labels.OWNER)
                .inform(new KeyHandler<>(OperatorController::owner, queue::enqueue), 0);
        SharedIndexInformer<ConfigMap> configMaps = client.configMaps().inNamespace(namespace)
                .inform(new KeyHandler<>(this::referencing, queue::enqueue), 0);
        SharedIndexInformer<Node> nodes = client.nodes().inform(new KeyHandler<>(n -> allNames(), queue::enqueue), 0);
        informers.addAll(List.of(statuses, daemonSets, configMaps, nodes));
        awaitSynced();
        reads.bind(new InformerReads.Informers(fileIntegrities, nodes, statuses, configMaps, daemonSets, namespace));
        queue.start();
    }

    /** An empty cache must never be taken for an empty cluster (node statuses of "gone" nodes would be deleted). */
    private void awaitSynced() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!informers.stream().allMatch(SharedIndexInformer::hasSynced)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the informers did not sync within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the informers synced", e);
            }
        }
    }

    /** Stops everything (on losing the lease or deactivation). */
    public synchronized void stop() {
        reads.bind(null);
        informers.forEach(SharedIndexInformer::close);
        informers.clear();
        if (queue != null) {
            queue.close();
            queue = null;
        }
    }

    private static Collection<String> owner(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String owner = labels == null ? null : labels.get(Labels.OWNER);
        return owner == null ? List.of() : List.of(owner);
    }

    /** FIO's ConfigMap mapping: FileIntegrities whose config names the ConfigMap, or that own it by name. */
    private Collection<String> referencing(ConfigMap cm) {
        String name = cm.getMetadata().getName();
        String ns = cm.getMetadata().getNamespace();
        List<String> keys = new ArrayList<>();
        for (FileIntegrity fi : fileIntegrities.getStore().list()) {
            FileIntegrityConfig config = fi.getSpec().getConfig();
            boolean named = config != null && name.equals(config.getName()) && Objects.equals(ns, config.getNamespace());
            if (named || name.equals(fi.getMetadata().getName())) {
                keys.add(fi.getMetadata().getName());
            }
        }
        return keys;
    }

    private Collection<String> allNames() {
        return fileIntegrities.getStore().list().stream().map(fi -> fi.getMetadata().getName()).toList();
    }
}
