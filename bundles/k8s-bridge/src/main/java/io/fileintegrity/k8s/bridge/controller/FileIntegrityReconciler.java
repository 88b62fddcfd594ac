package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.desired.AgentSettings;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The operator's reconciler: brings everything a FileIntegrity owns to its desired state and sets its phase.
 * Idempotent: it reads the live objects, writes only differences, and patches the status once at the end.
 * It never waits; what must be looked at later is returned as a requeue delay.
 */
public class FileIntegrityReconciler {

    /** FIO's status controller looks again every 30 s; so do we while a FileIntegrity exists. */
    static final Duration RESYNC = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(FileIntegrityReconciler.class.getName());

    private final KubernetesClient client;
    private final ClusterReads reads;
    private final ProviderRegistry providers;
    private final AgentSettings settings;
    private final Clock clock;
    private final Parts parts;

    /** The collaborators, built once per operator run. */
    public record Parts(ConfigSync config, DaemonSetSync daemonSets, AnnotationRequests annotations,
            NodeStatusReporter nodeReports, StatusWriter status, PriorityClassCheck priorityClasses) {
    }

    /** A reconciler reading straight from the API server (tests without informers). */
    public FileIntegrityReconciler(KubernetesClient client, ProviderRegistry providers, AgentSettings settings,
            Clock clock, Parts parts) {
        this(client, new LiveReads(client), providers, settings, clock, parts);
    }

    /** A reconciler reading through {@code reads} (the informers' caches while the operator runs). */
    public FileIntegrityReconciler(KubernetesClient client, ClusterReads reads, ProviderRegistry providers,
            AgentSettings settings, Clock clock, Parts parts) {
        this.client = client;
        this.reads = reads;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
        this.parts = parts;
    }

    /** Reconciles the FileIntegrity {@code namespace/name}; returns when to look again (empty: only on events). */
    public Optional<Duration> reconcile(String namespace, String name) {
        FileIntegrity fi = reads.fileIntegrity(namespace, name);
        if (fi == null) {
            return Optional.empty(); // owned objects go with it (owner references); -failed ConfigMaps stay, as in FIO
        }
        List<Node> nodes = reads.nodes();
        List<FileIntegrityNodeStatus> statuses = liveStatuses(fi, nodes);
        statuses.forEach(s -> parts.nodeReports().observe(fi, s));

        Optional<IntegrityProvider> provider = providers.find(fi.getSpec().providerName());
        if (provider.isEmpty()) {
            return unknownProvider(fi);
        }
        if (parts.priorityClasses().clearIfInvalid(fi)) {
            return Optional.of(Duration.ZERO);
        }
        long now = clock.millis();
        ReinitRequests stored = pruned(parts.config().storedRequests(fi), statuses);
        AnnotationRequests.Handled handled = parts.annotations().handle(fi, nodes, statuses, stored, now);
        List<String> nodeNames = nodes.stream().map(n -> n.getMetadata().getName()).toList();
        ConfigSync.Outcome config = parts.config().sync(fi, provider.get(), handled.requests().forNodes(nodeNames), now);
        if (config.problem() != null) {
            return parts.status().finish(fi, FileIntegrityPhase.Error, "invalid configuration: " + config.problem(), RESYNC);
        }
        parts.annotations().commit(fi, handled);
        reportConfigOutcome(config);
        return schedule(fi, statuses, SpecNotes.of(fi, config.missing()));
    }

    private Optional<Duration> schedule(FileIntegrity fi, List<FileIntegrityNodeStatus> statuses, List<SpecNotes.Note> notes) {
        String message = SpecNotes.message(notes);
        for (SpecNotes.Note note : SpecNotes.news(notes, fi.getStatus() == null ? null : fi.getStatus().getMessage())) {
            LOG.warning(fi.getMetadata().getNamespace() + "/" + fi.getMetadata().getName() + ": " + note.message());
            parts.status().events().warning(fi, EventRecorder.FILEINTEGRITY_COMPONENT, note.reason(), note.message());
        }
        DaemonSet daemonSet = parts.daemonSets().current(fi);
        Duration wait = initialDelayLeft(fi);
        if (daemonSet == null && !wait.isZero()) {
            return parts.status().finish(fi, FileIntegrityPhase.Pending, message, wait);
        }
        daemonSet = parts.daemonSets().sync(fi, settings, daemonSet);
        ReinitRequests requests = parts.config().storedRequests(fi);
        boolean reinitPending = statuses.stream().anyMatch(s -> requests.pendingFor(s.getNodeName(), applied(s)));
        FileIntegrityPhase phase = PhaseCalculator.phase(daemonSet, reinitPending, statuses);
        return parts.status().finish(fi, phase, message, RESYNC);
    }

    private Optional<Duration> unknownProvider(FileIntegrity fi) {
        parts.daemonSets().delete(fi);
        String known = providers.descriptors().stream().map(ProviderDescriptor::name).collect(Collectors.joining(", "));
        String message = "unknown provider '" + fi.getSpec().providerName() + "'; known providers: "
                + (known.isEmpty() ? "none" : known);
        if (!message.equals(fi.getStatus() == null ? null : fi.getStatus().getMessage())) {
            parts.status().events().warning(fi, EventRecorder.FILEINTEGRITY_COMPONENT, "UnknownProvider", message);
        }
        // Providers come and go at run time (deploy/): look again now and then.
        return parts.status().finish(fi, FileIntegrityPhase.Error, message, RESYNC);
    }

    private void reportConfigOutcome(ConfigSync.Outcome config) {
        if (config.contentChanged()) {
            parts.status().metrics().reinit("config", "");
            parts.status().metrics().reinitRollout("update");
        }
    }

    /** The node statuses of {@code fi}, after deleting those of nodes that no longer exist. */
    private List<FileIntegrityNodeStatus> liveStatuses(FileIntegrity fi, List<Node> nodes) {
        Set<String> nodeNames = nodes.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        List<FileIntegrityNodeStatus> live = new ArrayList<>();
        for (FileIntegrityNodeStatus s : reads.nodeStatuses(fi.getMetadata().getNamespace(), fi.getMetadata().getName())) {
            if (nodeNames.contains(s.getNodeName())) {
                live.add(s);
            } else {
                client.resource(s).delete();
                parts.nodeReports().forget(s.getMetadata().getNamespace(), s.getMetadata().getName());
            }
        }
        return live;
    }

    private static ReinitRequests pruned(ReinitRequests requests, List<FileIntegrityNodeStatus> statuses) {
        ReinitRequests result = requests;
        for (FileIntegrityNodeStatus s : statuses) {
            result = result.pruneApplied(s.getNodeName(), applied(s));
        }
        long all = result.tokens().getOrDefault(ReinitRequests.ALL, 0L);
        if (all > 0 && !statuses.isEmpty() && statuses.stream().allMatch(s -> applied(s) >= all)) {
            result = result.without(ReinitRequests.ALL);
        }
        return result;
    }

    /** The re-init token the node's agent says it applied. */
    static long applied(FileIntegrityNodeStatus status) {
        String value = status.getMetadata().getAnnotations() == null ? null
                : status.getMetadata().getAnnotations().get(Labels.REINIT_APPLIED);
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Duration initialDelayLeft(FileIntegrity fi) {
        int delay = fi.getSpec().getConfig() == null ? 0 : fi.getSpec().getConfig().effectiveInitialDelay();
        String created = fi.getMetadata().getCreationTimestamp();
        if (delay == 0 || created == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), Instant.parse(created).plusSeconds(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
