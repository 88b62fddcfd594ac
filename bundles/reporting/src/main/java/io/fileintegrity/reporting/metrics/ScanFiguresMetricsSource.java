package io.fileintegrity.reporting.metrics;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.api.metrics.MetricsSource;
import io.fileintegrity.api.metrics.MetricsWriter;
import io.fileintegrity.api.metrics.MetricsWriter.Type;
import io.fileintegrity.api.monitor.MonitoredTarget;
import io.fileintegrity.api.monitor.ScanResultListener;
import io.fileintegrity.api.monitor.TargetState;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Per-target scan figures on the default endpoint: the newest result's work figures, outcome and
 * counts, the target's state, and scans counted by outcome. Labels are the target id and provider
 * name plus fixed sets (outcome, state, change kind, skip reason), so cardinality stays bounded by the
 * number of targets.
 */
@Component(service = {MetricsSource.class, ScanResultListener.class})
public final class ScanFiguresMetricsSource implements MetricsSource, ScanResultListener {

    private final List<MonitoredTarget> targets = new CopyOnWriteArrayList<>();
    private final Map<List<String>, LongAdder> scans = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTarget(MonitoredTarget target) {
        targets.add(target);
    }

    void removeTarget(MonitoredTarget target) {
        targets.remove(target);
        scans.keySet().removeIf(key -> key.get(0).equals(target.id()));
    }

    @Override
    public void scanFinished(MonitoredTarget target, ScanResult result) {
        scans.computeIfAbsent(List.of(target.id(), result.provider(), spelling(result.outcome())),
                key -> new LongAdder()).increment();
    }

    @Override
    public void collect(MetricsWriter writer) {
        List<MonitoredTarget> sorted = targets.stream().sorted(Comparator.comparing(MonitoredTarget::id)).toList();
        writer.family("fio_target_state", Type.GAUGE, "1 for the state the target is in, 0 for the others.");
        for (MonitoredTarget target : sorted) {
            TargetState state = target.state();
            for (TargetState candidate : TargetState.values()) {
                writer.sample(labels(target, "state", spelling(candidate)), candidate == state ? 1 : 0);
            }
        }
        writer.family("fio_scans_total", Type.COUNTER, "Scans finished since the runtime started, by outcome.");
        scans.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Object::toString)))
                .forEach(entry -> writer.sample(Map.of("target", entry.getKey().get(0),
                        "provider", entry.getKey().get(1), "outcome", entry.getKey().get(2)),
                        entry.getValue().sum()));
        new LastScanFigures(writer).write(sorted);
    }

    static Map<String, String> labels(MonitoredTarget target) {
        return Map.of("target", target.id(), "provider", target.providerName());
    }

    static Map<String, String> labels(MonitoredTarget target, String name, String value) {
        return Map.of("target", target.id(), "provider", target.providerName(), name, value);
    }

    static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The families about each target's newest result. */
    private record LastScanFigures(MetricsWriter writer) {

        void write(List<MonitoredTarget> targets) {
            List<Map.Entry<MonitoredTarget, ScanResult>> results = targets.stream()
                    .map(target -> Map.entry(target, target.lastResult()))
                    .filter(entry -> entry.getValue().isPresent())
                    .map(entry -> Map.entry(entry.getKey(), entry.getValue().get()))
                    .toList();
            workFigures(results);
            outcomesAndChanges(results);
            skipped(results);
        }

        private void workFigures(List<Map.Entry<MonitoredTarget, ScanResult>> results) {
            gauge("fio_last_scan_timestamp_seconds", "When the newest scan ended, in seconds since the epoch.",
                    results, r -> r.started().plus(r.duration()).toEpochMilli() / 1000.0);
            gauge("fio_last_scan_duration_seconds", "How long the newest scan took.",
                    results, r -> r.duration().toMillis() / 1000.0);
            gauge("fio_last_scan_files_scanned", "Entries the newest scan examined.",
                    results, r -> r.statistics().filesScanned());
            gauge("fio_last_scan_bytes_hashed", "Bytes the newest scan read to compute digests.",
                    results, r -> r.statistics().bytesHashed());
            gauge("fio_last_scan_page_cache_dropped_bytes", "Bytes the newest scan released from the page cache.",
                    results, r -> r.statistics().pageCacheDroppedBytes());
        }

        private void outcomesAndChanges(List<Map.Entry<MonitoredTarget, ScanResult>> results) {
            writer.family("fio_last_scan_outcome", Type.GAUGE, "1 for the newest scan's outcome, 0 for the others.");
            for (Map.Entry<MonitoredTarget, ScanResult> entry : results) {
                for (Outcome outcome : Outcome.values()) {
                    writer.sample(labels(entry.getKey(), "outcome", spelling(outcome)),
                            entry.getValue().outcome() == outcome ? 1 : 0);
                }
            }
            writer.family("fio_last_scan_changes", Type.GAUGE, "Files the newest scan found added, changed, removed.");
            for (Map.Entry<MonitoredTarget, ScanResult> entry : results) {
                for (ChangeKind kind : ChangeKind.values()) {
                    writer.sample(labels(entry.getKey(), "kind", spelling(kind)), count(entry.getValue(), kind));
                }
            }
        }

        private void skipped(List<Map.Entry<MonitoredTarget, ScanResult>> results) {
            writer.family("fio_last_scan_files_skipped", Type.GAUGE, "Entries the newest scan skipped, by reason.");
            for (Map.Entry<MonitoredTarget, ScanResult> entry : results) {
                ScanStatistics statistics = entry.getValue().statistics();
                statistics.skippedByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(skip -> writer.sample(labels(entry.getKey(), "reason", skip.getKey()),
                                skip.getValue()));
            }
        }

        private void gauge(String name, String help, List<Map.Entry<MonitoredTarget, ScanResult>> results,
                ToDoubleFunction<ScanResult> value) {
            writer.family(name, Type.GAUGE, help);
            for (Map.Entry<MonitoredTarget, ScanResult> entry : results) {
                writer.sample(labels(entry.getKey()), value.applyAsDouble(entry.getValue()));
            }
        }

        private static long count(ScanResult result, ChangeKind kind) {
            return switch (kind) {
                case ADDED -> result.counts().added();
                case CHANGED -> result.counts().changed();
                case REMOVED -> result.counts().removed();
            };
        }
    }
}
