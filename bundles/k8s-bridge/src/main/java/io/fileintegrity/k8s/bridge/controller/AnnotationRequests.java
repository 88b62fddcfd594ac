package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Handles the FileIntegrity annotations users and the node controller write: {@code re-init} (all nodes or a
 * list), {@code re-init-on-failed}, and the MachineConfig {@code holdoff}. Requests become re-init tokens for the
 * agents; the handled annotations are removed from the FileIntegrity in one metadata update.
 */
public class AnnotationRequests {

    private final KubernetesClient client;
    private final FioMetrics metrics;

    private final ClusterReads reads;

    public AnnotationRequests(KubernetesClient client, FioMetrics metrics) {
        this(client, metrics, new LiveReads(client));
    }

    /** Annotation handling that tells {@code reads} about each FileIntegrity it changed. */
    public AnnotationRequests(KubernetesClient client, FioMetrics metrics, ClusterReads reads) {
        this.reads = reads;
        this.client = client;
        this.metrics = metrics;
    }

    /**
     * The outcome of reading the annotations, applied by {@link #commit} once the requests are stored.
     *
     * @param requests the re-init requests including the new ones
     * @param before the annotations read
     * @param after the annotations to leave on the FileIntegrity
     * @param counted the metrics to count on commit
     */
    public record Handled(ReinitRequests requests, Map<String, String> before, Map<String, String> after,
            List<Runnable> counted) {
    }

    /** Reads {@code fi}'s annotations into re-init requests; changes nothing yet. */
    public Handled handle(FileIntegrity fi, List<Node> nodes, List<FileIntegrityNodeStatus> statuses,
            ReinitRequests requests, long now) {
        Map<String, String> before = fi.getMetadata().getAnnotations() == null ? Map.of() : fi.getMetadata().getAnnotations();
        Map<String, String> after = new HashMap<>(before);
        NodeList reinit = NodeList.parse(after.remove(Labels.REINIT));
        if (after.remove(Labels.REINIT_ON_FAILED) != null) {
            for (FileIntegrityNodeStatus status : statuses) {
                if (status.lastCondition() == NodeCondition.Failed) {
                    reinit = reinit == null ? NodeList.of(List.of(status.getNodeName())) : reinit.with(status.getNodeName());
                }
            }
        }
        List<Runnable> counted = new ArrayList<>();
        if (reinit != null) {
            counted.add(() -> metrics.reinit("demand", ""));
            counted.add(() -> metrics.reinitRollout("update"));
            requests = requests.request(reinit, now);
        }
        HoldoffPlanner.Plan plan = HoldoffPlanner.plan(fi, nodes);
        plan.paused().forEach(node -> counted.add(() -> metrics.pause(node)));
        for (String node : plan.settled()) {
            counted.add(() -> metrics.unpause(node));
            counted.add(() -> metrics.reinit("node", node));
            requests = requests.request(NodeList.of(List.of(node)), now);
        }
        if (plan.holdoff() == null) {
            after.remove(Labels.HOLDOFF);
        } else {
            after.put(Labels.HOLDOFF, plan.holdoff().format());
        }
        return new Handled(requests, before, after, counted);
    }

    /** Removes the handled annotations from the FileIntegrity and counts the metrics. */
    public void commit(FileIntegrity fi, Handled handled) {
        Map<String, String> before = handled.before();
        Map<String, String> after = handled.after();
        if (!after.equals(before)) {
            FileIntegrity written = client.resources(FileIntegrity.class).inNamespace(fi.getMetadata().getNamespace())
                    .withName(fi.getMetadata().getName())
                    .edit(live -> {
                        live.getMetadata().setAnnotations(merge(live.getMetadata().getAnnotations(), before, after));
                        return live;
                    });
            reads.wrote(fi, written);
        }
        handled.counted().forEach(Runnable::run);
    }

    /** {@code live} with the keys that changed from {@code before} to {@code after} applied. */
    private static Map<String, String> merge(Map<String, String> live, Map<String, String> before, Map<String, String> after) {
        Map<String, String> merged = new HashMap<>(live == null ? Map.of() : live);
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                merged.remove(key);
            }
        }
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                merged.put(k, v);
            }
        });
        return merged;
    }
}
