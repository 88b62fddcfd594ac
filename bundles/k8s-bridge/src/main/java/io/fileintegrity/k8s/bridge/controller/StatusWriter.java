package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityStatus;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The last step of every reconcile: patches the status subresource once, from a fresh object that carries only
 * the name and the new status, and reports a phase change as FIO does (event {@code FileIntegrityStatus} whose
 * message is the phase, Warning for Error; {@code phase_total} + 1).
 */
public class StatusWriter {

    /** FIO's phase event reason. */
    public static final String REASON = "FileIntegrityStatus";

    private final KubernetesClient client;
    private final EventRecorder events;
    private final FioMetrics metrics;

    public StatusWriter(KubernetesClient client, EventRecorder events, FioMetrics metrics) {
        this.client = client;
        this.events = events;
        this.metrics = metrics;
    }

    /** Writes {@code phase} and {@code message} if they differ from {@code fi}'s; returns {@code requeue}. */
    public Optional<Duration> finish(FileIntegrity fi, FileIntegrityPhase phase, String message, Duration requeue) {
        FileIntegrityStatus old = fi.getStatus();
        FileIntegrityPhase oldPhase = old == null ? null : old.getPhase();
        if (oldPhase != phase || !Objects.equals(old == null ? null : old.getMessage(), message)) {
            FileIntegrity fresh = new FileIntegrity();
            fresh.setMetadata(new ObjectMetaBuilder().withName(fi.getMetadata().getName())
                    .withNamespace(fi.getMetadata().getNamespace()).build());
            fresh.setSpec(null);
            fresh.setStatus(new FileIntegrityStatus(phase, message));
            client.resources(FileIntegrity.class).inNamespace(fi.getMetadata().getNamespace()).resource(fresh).patchStatus();
        }
        if (oldPhase != phase) {
            metrics.phase(phase.name());
            if (phase == FileIntegrityPhase.Error) {
                events.warning(fi, EventRecorder.STATUS_COMPONENT, REASON, phase.name());
            } else {
                events.normal(fi, EventRecorder.STATUS_COMPONENT, REASON, phase.name());
            }
        }
        return Optional.of(requeue);
    }

    EventRecorder events() {
        return events;
    }

    FioMetrics metrics() {
        return metrics;
    }
}
