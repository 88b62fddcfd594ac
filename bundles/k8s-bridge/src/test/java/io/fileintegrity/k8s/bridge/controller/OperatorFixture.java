package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.crd.NodeScanResult;
import io.fileintegrity.k8s.bridge.desired.AgentSettings;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A reconciler wired to a mock API server, plus the objects tests create on it. */
final class OperatorFixture {

    static final String NS = "openshift-file-integrity";
    static final AgentSettings SETTINGS = new AgentSettings("quay.io/fio/fio:test", List.of("/opt/fio/bin/fio", "agent"),
            AgentSettings.DEFAULT_SERVICE_ACCOUNT);

    final KubernetesClient client;
    final FioMetrics metrics = new FioMetrics();
    final FileIntegrityReconciler reconciler;

    OperatorFixture(KubernetesClient client, Instant operatorStarted, String... providers) {
        this(client, new LiveReads(client), operatorStarted, providers);
    }

    /** A fixture whose reconciler reads through {@code reads}. */
    OperatorFixture(KubernetesClient client, ClusterReads reads, Instant operatorStarted, String... providers) {
        this.client = client;
        Clock clock = Clock.systemUTC();
        EventRecorder events = new EventRecorder(client, clock);
        FileIntegrityReconciler.Parts parts = new FileIntegrityReconciler.Parts(new ConfigSync(client, reads),
                new DaemonSetSync(client, metrics, reads), new AnnotationRequests(client, metrics, reads),
                new NodeStatusReporter(events, metrics, operatorStarted), new StatusWriter(client, events, metrics, reads),
                new PriorityClassCheck(client, events, clock, reads));
        this.reconciler = new FileIntegrityReconciler(client, reads, new RuleCheckingProviders(providers), SETTINGS,
                clock, parts);
    }

    OperatorFixture(KubernetesClient client) {
        this(client, Instant.EPOCH, "aide", "ostree");
    }

    FileIntegrity create(FileIntegrity fi) {
        return client.resource(fi).create();
    }

    FileIntegrity createNamed(String name) {
        return create(FileIntegrities.named(NS, name));
    }

    void reconcile(String name) {
        reconciler.reconcile(NS, name);
    }

    FileIntegrity get(String name) {
        return client.resources(FileIntegrity.class).inNamespace(NS).withName(name).get();
    }

    void node(String name, Map<String, String> labels, Map<String, String> annotations) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(labels)
                .withAnnotations(annotations).endMetadata().build()).createOr(n -> n.update());
    }

    void userConfigMap(String name, String key, String text) {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .endMetadata().addToData(key, text).build()).createOr(c -> c.update());
    }

    void markReady(String daemonSet, int nodes) {
        DaemonSet ds = client.apps().daemonSets().inNamespace(NS).withName(daemonSet).get();
        ds.setStatus(new DaemonSetStatusBuilder().withDesiredNumberScheduled(nodes).withNumberAvailable(nodes)
                .withNumberReady(nodes).withCurrentNumberScheduled(nodes).withNumberMisscheduled(0).build());
        client.apps().daemonSets().resource(ds).updateStatus();
    }

    /** Writes a node status as an agent would. */
    FileIntegrityNodeStatus nodeResult(String fi, String node, NodeCondition condition, int added, int changed, String error,
            long appliedToken) {
        FileIntegrityNodeStatus status = client.resources(FileIntegrityNodeStatus.class).inNamespace(NS)
                .withName(FileIntegrityNodeStatus.nameFor(fi, node)).get();
        if (status == null) {
            status = new FileIntegrityNodeStatus();
            status.getMetadata().setName(FileIntegrityNodeStatus.nameFor(fi, node));
            status.getMetadata().setNamespace(NS);
            status.getMetadata().setLabels(Map.of(Labels.OWNER, fi));
            status.setNodeName(node);
        }
        NodeScanResult r = new NodeScanResult();
        r.setCondition(condition);
        r.setLastProbeTime(Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toString());
        r.setFilesAdded(added);
        r.setFilesChanged(changed);
        r.setErrorMessage(error);
        if (condition == NodeCondition.Failed) {
            r.setResultConfigMapName("aide-" + fi + "-" + node + "-failed");
            r.setResultConfigMapNamespace(NS);
        }
        status.record(r);
        status.getMetadata().setAnnotations(Map.of(Labels.REINIT_APPLIED, Long.toString(appliedToken)));
        return client.resource(status).createOr(s -> s.update());
    }

    List<String> events(String reason) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> reason.equals(e.getReason()))
                .sorted(java.util.Comparator.comparing(Event::getMetadata, (a, b) -> a.getName().compareTo(b.getName())))
                .map(e -> e.getType() + " " + e.getMessage()).toList();
    }
}
