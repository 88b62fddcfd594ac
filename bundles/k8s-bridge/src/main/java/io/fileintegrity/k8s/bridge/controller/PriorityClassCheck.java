package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FIO's {@code priorityClassName} rule: a class that cannot be read is reported with FIO's Warning event and
 * cleared from the FileIntegrity's spec, so the pods still get scheduled. A class found is remembered for
 * {@link #REMEMBER}, so that the periodic resync of an idle operator does not GET it every time.
 */
public class PriorityClassCheck {

    /** FIO's event reason. */
    public static final String REASON = "PriorityClass";

    /** How long a PriorityClass that was found is taken to exist without asking again. */
    static final Duration REMEMBER = Duration.ofMinutes(10);

    private final KubernetesClient client;
    private final EventRecorder events;
    private final Clock clock;
    private final Map<String, Instant> found = new ConcurrentHashMap<>();
    private final ClusterReads reads;

    public PriorityClassCheck(KubernetesClient client, EventRecorder events) {
        this(client, events, Clock.systemUTC());
    }

    public PriorityClassCheck(KubernetesClient client, EventRecorder events, Clock clock) {
        this(client, events, clock, new LiveReads(client));
    }

    /** A check that tells {@code reads} about each FileIntegrity it changed. */
    public PriorityClassCheck(KubernetesClient client, EventRecorder events, Clock clock, ClusterReads reads) {
        this.reads = reads;
        this.client = client;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the spec named an unusable class and was cleared (the caller reconciles again). */
    public boolean clearIfInvalid(FileIntegrity fi) {
        String name = fi.getSpec().getPriorityClassName();
        if (name == null || name.isEmpty() || exists(name)) {
            return false;
        }
        events.warning(fi, EventRecorder.FILEINTEGRITY_COMPONENT, REASON,
                "Error while getting priority class '" + name + "', PriorityClass not found or invalid");
        FileIntegrity written = client.resources(FileIntegrity.class).inNamespace(fi.getMetadata().getNamespace())
                .withName(fi.getMetadata().getName())
                .edit(live -> {
                    live.getSpec().setPriorityClassName(null);
                    return live;
                });
        reads.wrote(fi, written);
        return true;
    }

    private boolean exists(String name) {
        Instant until = found.get(name);
        if (until != null && clock.instant().isBefore(until)) {
            return true;
        }
        boolean exists;
        try {
            exists = client.scheduling().v1().priorityClasses().withName(name).get() != null;
        } catch (KubernetesClientException e) {
            exists = false;
        }
        if (exists) {
            found.put(name, clock.instant().plus(REMEMBER));
        } else {
            found.remove(name);
        }
        return exists;
    }
}
