package io.fileintegrity.k8s.bridge.metrics;

import io.fileintegrity.api.metrics.MetricsSource;
import io.fileintegrity.api.metrics.MetricsWriter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * FIO's ten {@code file_integrity_operator_*} metrics, served by the reporting bundle on {@code :8585/metrics-fio}.
 * Present only in the operator role (it shares the operator's configuration PID). Thread-safe. Label values
 * are node names, phases, conditions and fixed words, never raw error text.
 */
@Component(service = {MetricsSource.class, FioMetrics.class},
        configurationPid = "io.fileintegrity.k8s.operator",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = MetricsSource.ENDPOINT_PROPERTY + "=metrics-fio")
public class FioMetrics implements MetricsSource {

    private static final String PREFIX = "file_integrity_operator_";

    /** One family: name without prefix, type, help. */
    private record Family(String name, MetricsWriter.Type type, String help) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("phase_total", MetricsWriter.Type.COUNTER, "The total number of transitions to the FileIntegrity phase"),
            new Family("error_total", MetricsWriter.Type.COUNTER, "The total number of FileIntegrity reconcile errors, by error kind"),
            new Family("pause_total", MetricsWriter.Type.COUNTER, "The total number of times a node's checks were held off for a node update"),
            new Family("unpause_total", MetricsWriter.Type.COUNTER, "The total number of times a node's hold-off ended"),
            new Family("reinit_total", MetricsWriter.Type.COUNTER, "The total number of baseline re-initializations, by trigger and node"),
            new Family("node_status_total", MetricsWriter.Type.COUNTER, "The total number of node status transitions, by condition and node"),
            new Family("node_status_error_total", MetricsWriter.Type.COUNTER, "The total number of Errored node results, by error kind and node"),
            new Family("daemonset_update_total", MetricsWriter.Type.COUNTER, "The total number of check DaemonSet changes, by operation"),
            new Family("reinit_daemonset_update_total", MetricsWriter.Type.COUNTER, "The total number of re-init rollouts, by operation"),
            new Family("node_failed", MetricsWriter.Type.GAUGE, "A gauge that is set to 1 when a node has unresolved integrity failures, and 0 when it is healthy"));

    private final Map<String, SortedMap<String, Sample>> samples = new ConcurrentHashMap<>();

    /** The labels and value of one sample. */
    private record Sample(Map<String, String> labels, double value) {
    }

    @Override
    public void collect(MetricsWriter writer) {
        for (Family family : FAMILIES) {
            writer.family(PREFIX + family.name(), family.type(), family.help());
            samples.getOrDefault(family.name(), new ConcurrentSkipListMap<>()).values()
                    .forEach(s -> writer.sample(s.labels(), s.value()));
        }
    }

    /** {@code phase_total{phase}} + 1. */
    public void phase(String phase) {
        add("phase_total", Map.of("phase", phase));
    }

    /** {@code error_total{error}} + 1; {@code kind} is a fixed word such as an exception's simple class name. */
    public void error(String kind) {
        add("error_total", Map.of("error", kind));
    }

    /** {@code pause_total{node}} + 1. */
    public void pause(String node) {
        add("pause_total", Map.of("node", node));
    }

    /** {@code unpause_total{node}} + 1. */
    public void unpause(String node) {
        add("unpause_total", Map.of("node", node));
    }

    /** {@code reinit_total{by,node}} + 1; {@code by} is node, demand or config, node is empty except for by=node. */
    public void reinit(String by, String node) {
        add("reinit_total", Map.of("by", by, "node", node));
    }

    /** {@code node_status_total{condition,node}} + 1. */
    public void nodeStatus(String condition, String node) {
        add("node_status_total", Map.of("condition", condition, "node", node));
    }

    /** {@code node_status_error_total{error,node}} + 1, with a bounded error kind. */
    public void nodeStatusError(String kind, String node) {
        add("node_status_error_total", Map.of("error", kind, "node", node));
    }

    /** {@code daemonset_update_total{operation}} + 1: update or delete. */
    public void daemonSetUpdate(String operation) {
        add("daemonset_update_total", Map.of("operation", operation));
    }

    /** {@code reinit_daemonset_update_total{operation}} + 1. */
    public void reinitRollout(String operation) {
        add("reinit_daemonset_update_total", Map.of("operation", operation));
    }

    /** Sets {@code node_failed{node}}. */
    public void nodeFailed(String node, boolean failed) {
        put("node_failed", Map.of("node", node), failed ? 1 : 0);
    }

    /** The current value of a sample, 0 when it was never touched; for tests and views. */
    public double value(String family, Map<String, String> labels) {
        Sample s = samples.getOrDefault(family, new ConcurrentSkipListMap<>()).get(key(labels));
        return s == null ? 0 : s.value();
    }

    private void add(String family, Map<String, String> labels) {
        samples.computeIfAbsent(family, f -> new ConcurrentSkipListMap<>())
                .merge(key(labels), new Sample(labels, 1), (a, b) -> new Sample(a.labels(), a.value() + 1));
    }

    private void put(String family, Map<String, String> labels, double value) {
        samples.computeIfAbsent(family, f -> new ConcurrentSkipListMap<>()).put(key(labels), new Sample(labels, value));
    }

    private static String key(Map<String, String> labels) {
        return new TreeMap<>(labels).toString();
    }
}
