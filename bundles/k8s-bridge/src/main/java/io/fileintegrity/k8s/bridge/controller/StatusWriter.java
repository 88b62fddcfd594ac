package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityStatus;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The last step of every reconcile: patches the status subresource once (one JSON Patch setting the whole status), and reports a phase change as FIO does (event {@code FileIntegrityStatus} whose
 * message is the phase, Warning for Error; {@code phase_total} + 1).
 */
public class StatusWriter {

    /** FIO's phase event reason. */
    public static final String REASON = "FileIntegrityStatus";

    private final KubernetesClient client;
    private final EventRecorder events;
    private final FioMetrics metrics;

    private final ClusterReads reads;

    public StatusWriter(KubernetesClient client, EventRecorder events, FioMetrics metrics) {
        this(client, events, metrics, new LiveReads(client));
    }

    /** A writer that tells {@code reads} about each status it wrote. */
    public StatusWriter(KubernetesClient client, EventRecorder events, FioMetrics metrics, ClusterReads reads) {
        this.reads = reads;
        this.client = client;
        this.events = events;
        this.metrics = metrics;
    }

    /** Writes {@code phase} and {@code message} if they differ from {@code fi}'s; returns {@code requeue}. */
    public Optional<Duration> finish(FileIntegrity fi, FileIntegrityPhase phase, String message, Duration requeue) {
        FileIntegrityStatus old = fi.getStatus();
        FileIntegrityPhase oldPhase = old == null ? null : old.getPhase();
        if (oldPhase != phase || !Objects.equals(old == null ? null : old.getMessage(), message)) {
            // a JSON Patch that sets the whole status: unlike a merge patch it also drops a message that is no
            // longer true (a merge patch leaves out null fields, so an old message would stay forever)
            String status = client.getKubernetesSerialization().asJson(new FileIntegrityStatus(phase, message));
            FileIntegrity written = client.resources(FileIntegrity.class).inNamespace(fi.getMetadata().getNamespace())
                    .withName(fi.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/status\",\"value\":" + status + "}]");
            reads.wrote(fi, written);
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
