package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import java.util.Collection;

/** FIO's phase rules (fio-operator.md §6.9), with our pending re-inits standing in for FIO's re-init DaemonSets. */
public final class PhaseCalculator {

    private PhaseCalculator() {
    }

    /**
     * The phase: Pending without a DaemonSet; Initializing while it rolls out or a re-init is pending; then
     * Error if any node's last result is Errored, else Active. A Failed node leaves the phase Active, as in FIO.
     */
    public static FileIntegrityPhase phase(DaemonSet daemonSet, boolean reinitPending,
            Collection<FileIntegrityNodeStatus> nodeStatuses) {
        if (daemonSet == null) {
            return FileIntegrityPhase.Pending;
        }
        if (reinitPending || !ready(daemonSet)) {
            return FileIntegrityPhase.Initializing;
        }
        boolean errored = nodeStatuses.stream().anyMatch(s -> s.lastCondition() == NodeCondition.Errored);
        return errored ? FileIntegrityPhase.Error : FileIntegrityPhase.Active;
    }

    /** FIO's readiness: pods are scheduled, all of them available, and the controller saw the newest spec. */
    static boolean ready(DaemonSet daemonSet) {
        DaemonSetStatus status = daemonSet.getStatus();
        if (status == null || status.getDesiredNumberScheduled() == null || status.getNumberAvailable() == null) {
            return false;
        }
        Long generation = daemonSet.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        boolean updating = generation != null && observed != null && observed < generation;
        int desired = status.getDesiredNumberScheduled();
        return desired > 0 && desired == status.getNumberAvailable() && !updating;
    }
}
