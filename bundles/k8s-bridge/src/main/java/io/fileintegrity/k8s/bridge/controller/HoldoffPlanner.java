package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.Node;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FIO's node controller rules (fio-operator.md §6.8): a node the MachineConfig Operator is updating is added
 * to the FileIntegrity's {@code holdoff} list; once the update is done (or degraded) it is removed and gets a
 * re-init. Nodes without all three MCO annotations are ignored, so vanilla Kubernetes is unaffected.
 */
public final class HoldoffPlanner {

    /**
     * What to change.
     *
     * @param holdoff the new holdoff list, null when the annotation should be absent
     * @param paused nodes added to holdoff
     * @param settled nodes removed from holdoff, each needing a re-init
     */
    public record Plan(NodeList holdoff, List<String> paused, List<String> settled) {
        public Plan {
            paused = List.copyOf(paused);
            settled = List.copyOf(settled);
        }
    }

    private HoldoffPlanner() {
    }

    /** The plan for {@code fi} given the cluster's nodes. */
    public static Plan plan(FileIntegrity fi, List<Node> nodes) {
        NodeList holdoff = NodeList.parse(annotation(fi.getMetadata().getAnnotations(), Labels.HOLDOFF));
        List<String> paused = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        for (Node node : nodes) {
            Map<String, String> ann = node.getMetadata().getAnnotations();
            String current = annotation(ann, Labels.MCO_CURRENT_CONFIG);
            String desired = annotation(ann, Labels.MCO_DESIRED_CONFIG);
            String state = annotation(ann, Labels.MCO_STATE);
            String name = node.getMetadata().getName();
            if (current == null || desired == null || state == null || !selects(fi, node)) {
                continue;
            }
            if (!current.equals(desired) && "Working".equals(state)) {
                if (holdoff == null || !holdoff.covers(name)) {
                    holdoff = holdoff == null ? NodeList.of(List.of(name)) : holdoff.with(name);
                    paused.add(name);
                }
            } else if ((current.equals(desired) && "Done".equals(state)) || "Degraded".equals(state)) {
                if (holdoff != null && !holdoff.allNodes() && holdoff.covers(name)) {
                    holdoff = holdoff.without(name);
                    settled.add(name);
                }
            }
        }
        return new Plan(holdoff, paused, settled);
    }

    /** Whether the FileIntegrity's nodeSelector selects {@code node}. */
    public static boolean selects(FileIntegrity fi, Node node) {
        Map<String, String> selector = fi.getSpec().getNodeSelector();
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        return selector == null || selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static String annotation(Map<String, String> annotations, String key) {
        return annotations == null ? null : annotations.get(key);
    }
}
