package io.fileintegrity.reporting.testing;

import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.BaselineInfo;
import io.fileintegrity.api.monitor.ChangePage;
import io.fileintegrity.api.monitor.MonitoredTarget;
import io.fileintegrity.api.monitor.TargetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A monitored target held in memory: results and changes are set by the test; actions are counted. */
public final class FakeMonitoredTarget implements MonitoredTarget {

    private final String id;
    private final String displayName;
    private final String provider;
    public volatile TargetState state = TargetState.ACTIVE;
    public final List<ScanResult> results = new ArrayList<>();
    public volatile BaselineInfo baseline;
    public final List<FileChange> changes = new ArrayList<>();
    public final AtomicInteger checksRequested = new AtomicInteger();
    public final AtomicInteger reinitsRequested = new AtomicInteger();
    public final AtomicInteger changeQueries = new AtomicInteger();

    public FakeMonitoredTarget(String id, String displayName, String provider) {
        this.id = id;
        this.displayName = displayName;
        this.provider = provider;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String providerName() {
        return provider;
    }

    @Override
    public TargetState state() {
        return state;
    }

    @Override
    public List<ScanResult> recentResults() {
        return List.copyOf(results);
    }

    @Override
    public Optional<BaselineInfo> baseline() {
        return Optional.ofNullable(baseline);
    }

    @Override
    public ChangePage changes(String filter, long offset, int limit) {
        changeQueries.incrementAndGet();
        String needle = filter.toLowerCase(Locale.ROOT);
        List<FileChange> matching = changes.stream()
                .filter(change -> change.path().toLowerCase(Locale.ROOT).contains(needle)).toList();
        int from = (int) Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new ChangePage(matching.subList(from, to), from, matching.size());
    }

    @Override
    public void requestCheck() {
        checksRequested.incrementAndGet();
    }

    @Override
    public void requestReinitialize() {
        reinitsRequested.incrementAndGet();
    }
}
