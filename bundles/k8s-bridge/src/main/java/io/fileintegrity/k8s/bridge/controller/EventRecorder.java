package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates core/v1 Events on a FileIntegrity with FIO's reasons, messages and source components. An event
 * that cannot be written is logged, never fatal: events are advisory.
 */
public class EventRecorder {

    /** FIO's recorder of phase events. */
    public static final String STATUS_COMPONENT = "statusctrl";
    /** FIO's recorder of node result events. */
    public static final String NODE_COMPONENT = "configmapctrl";
    /** FIO's recorder of FileIntegrity spec events. */
    public static final String FILEINTEGRITY_COMPONENT = "fileintegrityctrl";

    private static final Logger LOG = Logger.getLogger(EventRecorder.class.getName());

    private final KubernetesClient client;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A Normal event. */
    public void normal(FileIntegrity fi, String component, String reason, String message) {
        record(fi, component, "Normal", reason, message);
    }

    /** A Warning event. */
    public void warning(FileIntegrity fi, String component, String reason, String message) {
        record(fi, component, "Warning", reason, message);
    }

    void record(FileIntegrity fi, String component, String type, String reason, String message) {
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String name = fi.getMetadata().getName() + "." + Long.toHexString(clock.millis()) + sequence.incrementAndGet();
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(fi.getMetadata().getNamespace()).endMetadata()
                .withNewInvolvedObject()
                    .withApiVersion(fi.getApiVersion()).withKind(fi.getKind())
                    .withName(fi.getMetadata().getName()).withNamespace(fi.getMetadata().getNamespace())
                    .withUid(fi.getMetadata().getUid()).withResourceVersion(fi.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).endSource()
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(fi.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.log(Level.WARNING, "cannot record event " + reason + " on " + fi.getMetadata().getName() + ": "
                    + e.getMessage(), e);
        }
    }
}
