package io.fileintegrity.k8s.bridge.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.crd.NodeScanResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseCalculatorTest {

    private static DaemonSet daemonSet(int desired, int available, long generation, long observed) {
        return new DaemonSetBuilder().withNewMetadata().withName("aide-fi").withGeneration(generation).endMetadata()
                .withNewStatus().withDesiredNumberScheduled(desired).withNumberAvailable(available)
                .withObservedGeneration(observed).endStatus().build();
    }

    private static FileIntegrityNodeStatus node(NodeCondition condition) {
        FileIntegrityNodeStatus s = new FileIntegrityNodeStatus();
        NodeScanResult r = new NodeScanResult();
        r.setCondition(condition);
        r.setLastProbeTime("2026-01-01T00:00:00Z");
        s.record(r);
        return s;
    }

    @Test
    void noDaemonSetIsPending() {
        assertEquals(FileIntegrityPhase.Pending, PhaseCalculator.phase(null, false, List.of()));
    }

    @Test
    void rollingOutOrUpdatingOrReinitializingIsInitializing() {
        assertEquals(FileIntegrityPhase.Initializing, PhaseCalculator.phase(daemonSet(2, 1, 1, 1), false, List.of()));
        assertEquals(FileIntegrityPhase.Initializing, PhaseCalculator.phase(daemonSet(0, 0, 1, 1), false, List.of()));
        assertEquals(FileIntegrityPhase.Initializing, PhaseCalculator.phase(daemonSet(2, 2, 2, 1), false, List.of()));
        assertEquals(FileIntegrityPhase.Initializing, PhaseCalculator.phase(daemonSet(2, 2, 1, 1), true, List.of()));
    }

    @Test
    void readyIsActiveEvenWithFailedNodesAndErrorWithAnErroredOne() {
        DaemonSet ready = daemonSet(2, 2, 3, 3);
        assertEquals(FileIntegrityPhase.Active, PhaseCalculator.phase(ready, false,
                List.of(node(NodeCondition.Failed), node(NodeCondition.Succeeded))));
        assertEquals(FileIntegrityPhase.Error, PhaseCalculator.phase(ready, false,
                List.of(node(NodeCondition.Errored), node(NodeCondition.Succeeded))));
    }
}
