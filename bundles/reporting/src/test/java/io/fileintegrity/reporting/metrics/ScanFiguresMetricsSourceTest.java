package io.fileintegrity.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.api.monitor.TargetState;
import io.fileintegrity.reporting.testing.FakeMonitoredTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScanFiguresMetricsSourceTest {

    private static ScanResult failed() {
        return ScanResult.builder("aide", ScanMode.CHECK).outcome(Outcome.FAILED)
                .started(Instant.parse("2026-11-24T10:00:00Z")).duration(Duration.ofMillis(2500))
                .counts(new ChangeCounts(1, 2, 3))
                .statistics(new ScanStatistics(1000, 5_000_000, Map.of("permission", 4L, "vanished", 1L), 4096))
                .build();
    }

    private static PrometheusTextParser scrape(ScanFiguresMetricsSource source) {
        PrometheusTextWriter writer = new PrometheusTextWriter();
        source.collect(writer);
        return PrometheusTextParser.parse(writer.text());
    }

    @Test
    void newestResultsFiguresAreExportedPerTargetAndProvider() {
        FakeMonitoredTarget target = new FakeMonitoredTarget("local", "this machine", "aide");
        target.results.add(failed());
        ScanFiguresMetricsSource source = new ScanFiguresMetricsSource();
        source.addTarget(target);
        PrometheusTextParser parsed = scrape(source);
        Map<String, String> labels = Map.of("target", "local", "provider", "aide");
        assertEquals(1000, parsed.value("fio_last_scan_files_scanned", labels));
        assertEquals(5_000_000, parsed.value("fio_last_scan_bytes_hashed", labels));
        assertEquals(2.5, parsed.value("fio_last_scan_duration_seconds", labels));
        assertEquals(4096, parsed.value("fio_last_scan_page_cache_dropped_bytes", labels));
        assertEquals(Instant.parse("2026-11-24T10:00:02.5Z").toEpochMilli() / 1000.0,
                parsed.value("fio_last_scan_timestamp_seconds", labels));
        assertEquals(4, parsed.value("fio_last_scan_files_skipped", with(labels, "reason", "permission")));
        assertEquals(1, parsed.value("fio_last_scan_outcome", with(labels, "outcome", "failed")));
        assertEquals(0, parsed.value("fio_last_scan_outcome", with(labels, "outcome", "succeeded")));
        assertEquals(3, parsed.value("fio_last_scan_changes", with(labels, "kind", "removed")));
        assertEquals(1, parsed.value("fio_target_state", with(labels, "state", "active")));
    }

    @Test
    void scansAreCountedByOutcomeAndForgottenWithTheirTarget() {
        FakeMonitoredTarget target = new FakeMonitoredTarget("ns/fi/node-1", "node-1", "ostree");
        ScanFiguresMetricsSource source = new ScanFiguresMetricsSource();
        source.addTarget(target);
        source.scanFinished(target, failed());
        source.scanFinished(target, failed());
        source.scanFinished(target, ScanResult.errored("ostree", ScanMode.CHECK, "no repo"));
        PrometheusTextParser parsed = scrape(source);
        assertEquals(2, parsed.value("fio_scans_total",
                Map.of("target", "ns/fi/node-1", "provider", "aide", "outcome", "failed")));
        assertEquals(1, parsed.value("fio_scans_total",
                Map.of("target", "ns/fi/node-1", "provider", "ostree", "outcome", "errored")));
        assertEquals("counter", parsed.types.get("fio_scans_total"));
        source.removeTarget(target);
        assertTrue(scrape(source).samples.isEmpty());
    }

    @Test
    void labelNamesStayWithinTheBoundedSet() {
        ScanFiguresMetricsSource source = new ScanFiguresMetricsSource();
        for (int i = 0; i < 3; i++) {
            FakeMonitoredTarget target = new FakeMonitoredTarget("node-" + i, "node " + i, "aide");
            target.results.add(failed());
            target.state = TargetState.CHECKING;
            source.addTarget(target);
            source.scanFinished(target, failed());
        }
        Set<String> labelNames = scrape(source).samples.stream().flatMap(s -> s.labels().keySet().stream())
                .collect(Collectors.toSet());
        assertEquals(Set.of("target", "provider", "state", "outcome", "kind", "reason"), labelNames);
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.put(name, value);
        return copy;
    }
}
