package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import java.util.List;

/**
 * Where the reconciler reads the cluster: the informers' caches while the operator runs ({@link InformerReads}),
 * the API server itself in tests that reconcile without informers ({@link LiveReads}). Writes always go through
 * the client. Objects returned may be shared with a cache: callers must not change them.
 */
public interface ClusterReads {

    /** The FileIntegrity, or null. */
    FileIntegrity fileIntegrity(String namespace, String name);

    /** Every Node. */
    List<Node> nodes();

    /** The node statuses labelled as owned by {@code owner}. */
    List<FileIntegrityNodeStatus> nodeStatuses(String namespace, String owner);

    /** The ConfigMap, or null. */
    ConfigMap configMap(String namespace, String name);

    /** The DaemonSet, or null. */
    DaemonSet daemonSet(String namespace, String name);

    /**
     * Tells that the operator itself changed {@code before} into {@code after} (the API server's answer), so that
     * reads do not return the older object while a cache has not seen the change yet: a reconcile right after a
     * status patch must not take the old phase for the current one and report the new phase twice.
     */
    default void wrote(FileIntegrity before, FileIntegrity after) {
    }
}
