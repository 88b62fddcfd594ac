package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.desired.AgentDaemonSet;
import io.fileintegrity.k8s.bridge.desired.AgentSettings;
import io.fileintegrity.k8s.bridge.desired.ObjectNames;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the check DaemonSet, and puts it back when it drifts from the desired one in the fields FIO checks
 * (container image, command, arguments, volume mounts, nodeSelector, tolerations, priorityClassName) or ours
 * (service account, privileged). The DaemonSet's rolling update then restarts the pods. Fields the API server
 * defaults are not compared, so a defaulted object is not "drift".
 */
public class DaemonSetSync {

    private final KubernetesClient client;
    private final ClusterReads reads;
    private final FioMetrics metrics;
    private final FioLeftovers leftovers;

    public DaemonSetSync(KubernetesClient client, FioMetrics metrics) {
        this(client, metrics, new LiveReads(client));
    }

    public DaemonSetSync(KubernetesClient client, FioMetrics metrics, ClusterReads reads) {
        this.client = client;
        this.reads = reads;
        this.metrics = metrics;
        this.leftovers = new FioLeftovers(client);
    }

    /** The live DaemonSet of {@code fi}, or null. */
    public DaemonSet current(FileIntegrity fi) {
        return reads.daemonSet(fi.getMetadata().getNamespace(), ObjectNames.daemonSet(fi.getMetadata().getName()));
    }

    /** Creates or corrects the DaemonSet; returns the live one. */
    public DaemonSet sync(FileIntegrity fi, AgentSettings settings, DaemonSet current) {
        DaemonSet desired = AgentDaemonSet.build(fi, settings);
        if (current == null) {
            metrics.daemonSetUpdate("update");
            DaemonSet created = Conflicts.createOrReplace(() -> client.apps().daemonSets().resource(desired).create(),
                    () -> client.apps().daemonSets().resource(desired).update());
            leftovers.clean(fi);
            return created;
        }
        if (!fingerprint(current).equals(fingerprint(desired))
                || !desired.getMetadata().getLabels().equals(current.getMetadata().getLabels())) {
            current = client.getKubernetesSerialization().clone(current); // it may be the informer's cached object
            current.getMetadata().setLabels(desired.getMetadata().getLabels());
            current.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
            current.getSpec().setTemplate(desired.getSpec().getTemplate());
            metrics.daemonSetUpdate("update");
            DaemonSet updated = client.apps().daemonSets().resource(current).update();
            leftovers.clean(fi);
            return updated;
        }
        return current;
    }

    /** Deletes the DaemonSet of {@code fi} if there is one (nothing may run for an unusable FileIntegrity). */
    public void delete(FileIntegrity fi) {
        if (current(fi) != null) {
            client.apps().daemonSets().inNamespace(fi.getMetadata().getNamespace())
                    .withName(ObjectNames.daemonSet(fi.getMetadata().getName())).delete();
            metrics.daemonSetUpdate("delete");
        }
    }

    /** The compared fields, as a value with a well-defined equals. */
    static List<Object> fingerprint(DaemonSet ds) {
        PodSpec pod = ds.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().isEmpty() ? new Container() : pod.getContainers().get(0);
        return List.of(
                Objects.toString(c.getImage()), List.copyOf(c.getCommand()), List.copyOf(c.getArgs()),
                c.getVolumeMounts().stream().map(m -> m.getName() + "@" + m.getMountPath() + ":" + m.getMountPropagation()).toList(),
                pod.getNodeSelector() == null ? Map.of() : Map.copyOf(pod.getNodeSelector()),
                pod.getTolerations().stream().map(t -> List.of(Objects.toString(t.getKey()), Objects.toString(t.getOperator()),
                        Objects.toString(t.getValue()), Objects.toString(t.getEffect()),
                        Objects.toString(t.getTolerationSeconds()))).toList(),
                Objects.toString(pod.getPriorityClassName()), Objects.toString(pod.getServiceAccountName()),
                Objects.toString(c.getSecurityContext() == null ? null : c.getSecurityContext().getPrivileged()),
                ds.getSpec().getTemplate().getMetadata().getLabels() == null ? Map.of()
                        : Map.copyOf(ds.getSpec().getTemplate().getMetadata().getLabels()));
    }
}
