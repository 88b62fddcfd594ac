package io.fileintegrity.k8s.bridge.agent;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.BaselineInfo;
import io.fileintegrity.api.monitor.ChangePage;
import io.fileintegrity.api.monitor.MonitoredTarget;
import io.fileintegrity.api.monitor.TargetState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A monitored target for tests that counts re-init requests and may or may not have a baseline. */
final class RecordingTarget implements MonitoredTarget {

    private final String id;
    private final boolean hasBaseline;
    int reinitRequests;

    RecordingTarget(String id, boolean hasBaseline) {
        this.id = id;
        this.hasBaseline = hasBaseline;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return id;
    }

    @Override
    public String providerName() {
        return "aide";
    }

    @Override
    public TargetState state() {
        return TargetState.ACTIVE;
    }

    @Override
    public List<ScanResult> recentResults() {
        return List.of();
    }

    @Override
    public Optional<BaselineInfo> baseline() {
        return hasBaseline ? Optional.of(new BaselineInfo("/hostroot/etc/kubernetes/aide.db.gz", 10, Instant.EPOCH, "00"))
                : Optional.empty();
    }

    @Override
    public ChangePage changes(String filter, long offset, int limit) {
        return ChangePage.EMPTY;
    }

    @Override
    public void requestCheck() {
        // the agent never asks for checks
    }

    @Override
    public void requestReinitialize() {
        reinitRequests++;
    }
}
