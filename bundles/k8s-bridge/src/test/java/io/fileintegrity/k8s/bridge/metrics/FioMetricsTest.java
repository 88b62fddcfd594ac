package io.fileintegrity.k8s.bridge.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.metrics.MetricsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FioMetricsTest {

    /** Writes lines like the Prometheus text format, enough to compare. */
    private static final class LineWriter implements MetricsWriter {
        final List<String> lines = new ArrayList<>();
        private String family;

        @Override
        public MetricsWriter family(String name, Type type, String help) {
            family = name;
            lines.add("# TYPE " + name + " " + type.name().toLowerCase());
            return this;
        }

        @Override
        public MetricsWriter sample(Map<String, String> labels, double value) {
            lines.add(family + new java.util.TreeMap<>(labels) + " " + value);
            return this;
        }
    }

    @Test
    void allTenFioFamiliesAreWrittenEvenBeforeAnySample() {
        LineWriter out = new LineWriter();
        new FioMetrics().collect(out);
        assertEquals(List.of(
                "# TYPE file_integrity_operator_phase_total counter",
                "# TYPE file_integrity_operator_error_total counter",
                "# TYPE file_integrity_operator_pause_total counter",
                "# TYPE file_integrity_operator_unpause_total counter",
                "# TYPE file_integrity_operator_reinit_total counter",
                "# TYPE file_integrity_operator_node_status_total counter",
                "# TYPE file_integrity_operator_node_status_error_total counter",
                "# TYPE file_integrity_operator_daemonset_update_total counter",
                "# TYPE file_integrity_operator_reinit_daemonset_update_total counter",
                "# TYPE file_integrity_operator_node_failed gauge"), out.lines);
    }

    @Test
    void countersAddUpPerLabelSetAndTheGaugeIsSet() {
        FioMetrics metrics = new FioMetrics();
        metrics.phase("Active");
        metrics.phase("Active");
        metrics.phase("Error");
        metrics.nodeFailed("n1", true);
        metrics.nodeFailed("n1", false);
        metrics.reinit("node", "n1");
        LineWriter out = new LineWriter();
        metrics.collect(out);
        assertEquals(List.of(
                "file_integrity_operator_phase_total{phase=Active} 2.0",
                "file_integrity_operator_phase_total{phase=Error} 1.0",
                "file_integrity_operator_reinit_total{by=node, node=n1} 1.0",
                "file_integrity_operator_node_failed{node=n1} 0.0"),
                out.lines.stream().filter(l -> !l.startsWith("#")).toList());
    }
}
