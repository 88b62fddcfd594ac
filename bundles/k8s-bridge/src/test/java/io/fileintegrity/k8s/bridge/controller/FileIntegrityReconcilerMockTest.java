package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.convert.DefaultAideConf;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler against fabric8's mock API server in CRUD mode: creation, phases, drift, config. */
@EnableKubernetesMockClient(crud = true, https = false)
class FileIntegrityReconcilerMockTest {

    KubernetesClient client;
    private OperatorFixture op;

    @BeforeEach
    void setUp() {
        op = new OperatorFixture(client);
        op.node("worker-1", Map.of("node-role.kubernetes.io/worker", ""), Map.of());
    }

    private DaemonSet daemonSet(String name) {
        return client.apps().daemonSets().inNamespace(NS).withName(name).get();
    }

    private ConfigMap configMap(String name) {
        return client.configMaps().inNamespace(NS).withName(name).get();
    }

    @Test
    void mockNewFileIntegrityGetsDaemonSetDefaultConfigAndInitializingPhase() {
        op.createNamed("example");
        op.reconcile("example");
        DaemonSet ds = daemonSet("aide-example");
        assertNotNull(ds);
        assertTrue(ds.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().contains("--provider=aide"));
        assertEquals(DefaultAideConf.text(), configMap("example").getData().get("aide.conf"));
        assertEquals(FileIntegrityPhase.Initializing, op.get("example").getStatus().getPhase());
        assertEquals(List.of("Normal Initializing"), op.events("FileIntegrityStatus"));
        assertEquals(1, op.metrics.value("phase_total", Map.of("phase", "Initializing")));
    }

    @Test
    void mockReadyDaemonSetMakesPhaseActiveAndErroredNodeMakesItError() {
        op.createNamed("example");
        op.reconcile("example");
        op.markReady("aide-example", 1);
        op.reconcile("example");
        assertEquals(FileIntegrityPhase.Active, op.get("example").getStatus().getPhase());
        op.nodeResult("example", "worker-1", io.fileintegrity.k8s.bridge.crd.NodeCondition.Failed, 1, 0, null, 0);
        op.reconcile("example");
        assertEquals(FileIntegrityPhase.Active, op.get("example").getStatus().getPhase(), "Failed keeps Active");
        op.nodeResult("example", "worker-1", io.fileintegrity.k8s.bridge.crd.NodeCondition.Errored, 0, 0, "boom", 0);
        op.reconcile("example");
        assertEquals(FileIntegrityPhase.Error, op.get("example").getStatus().getPhase());
        assertEquals(List.of("Normal Initializing", "Normal Active", "Warning Error"), op.events("FileIntegrityStatus"));
    }

    @Test
    void mockSecondReconcileWritesNothing() {
        op.createNamed("example");
        op.reconcile("example");
        String dsVersion = daemonSet("aide-example").getMetadata().getResourceVersion();
        String cmVersion = configMap("example").getMetadata().getResourceVersion();
        String fiVersion = op.get("example").getMetadata().getResourceVersion();
        op.reconcile("example");
        assertEquals(dsVersion, daemonSet("aide-example").getMetadata().getResourceVersion());
        assertEquals(cmVersion, configMap("example").getMetadata().getResourceVersion());
        assertEquals(fiVersion, op.get("example").getMetadata().getResourceVersion());
    }

    @Test
    void mockUnknownProviderIsErrorNamingKnownProvidersAndNothingIsScheduled() {
        FileIntegrity fi = FileIntegrities.named(NS, "example");
        fi.getSpec().setProvider("tripwire");
        op.create(fi);
        op.reconcile("example");
        FileIntegrity live = op.get("example");
        assertEquals(FileIntegrityPhase.Error, live.getStatus().getPhase());
        assertEquals("unknown provider 'tripwire'; known providers: aide, ostree", live.getStatus().getMessage());
        assertNull(daemonSet("aide-example"));
        assertEquals(List.of("Warning unknown provider 'tripwire'; known providers: aide, ostree"),
                op.events("UnknownProvider"));
        op.reconcile("example");
        assertEquals(1, op.events("UnknownProvider").size(), "the event is not repeated");
    }

    @Test
    void mockEditedDaemonSetIsRestoredAndSpecEditsRollIt() {
        op.createNamed("example");
        op.reconcile("example");
        DaemonSet ds = daemonSet("aide-example");
        ds.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");
        client.apps().daemonSets().resource(ds).update();
        op.reconcile("example");
        assertEquals("quay.io/fio/fio:test",
                daemonSet("aide-example").getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        client.resources(FileIntegrity.class).inNamespace(NS).withName("example")
                .edit(f -> { f.getSpec().getConfig().setGracePeriod(30); return f; });
        op.reconcile("example");
        assertTrue(daemonSet("aide-example").getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()
                .contains("--interval=30"));
        assertEquals(3, op.metrics.value("daemonset_update_total", Map.of("operation", "update")));
    }

    @Test
    void mockDeletedDaemonSetAndConfigMapAreRecreated() {
        op.createNamed("example");
        op.reconcile("example");
        client.apps().daemonSets().inNamespace(NS).withName("aide-example").delete();
        client.configMaps().inNamespace(NS).withName("example").delete();
        op.reconcile("example");
        assertNotNull(daemonSet("aide-example"));
        assertEquals(DefaultAideConf.text(), configMap("example").getData().get("aide.conf"));
    }

    @Test
    void mockLeftoverDaemonSetOfTheSameNameIsCorrectedNotDuplicated() {
        FileIntegrity fi = op.createNamed("example");
        DaemonSet stale = io.fileintegrity.k8s.bridge.desired.AgentDaemonSet.build(fi,
                new io.fileintegrity.k8s.bridge.desired.AgentSettings("old:1", List.of("old"), "default"));
        client.apps().daemonSets().resource(stale).create();
        op.reconcile("example");
        op.reconcile("example");
        assertEquals(1, client.apps().daemonSets().inNamespace(NS).list().getItems().size());
        assertEquals("quay.io/fio/fio:test",
                daemonSet("aide-example").getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }

    @Test
    void mockTakingOverFromFioRemovesItsReinitDaemonSetsAndTemporaryConfigMaps() {
        op.createNamed("example");
        client.apps().daemonSets().resource(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
                .withNewMetadata().withName("aide-ini-example").withNamespace(NS)
                .addToLabels("file-integrity.openshift.io/reinit-owner", "example").endMetadata().build()).create();
        client.configMaps().resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("aide-example-worker-1").withNamespace(NS)
                .addToLabels("file-integrity.openshift.io/log", "").addToLabels("file-integrity.openshift.io/owner", "example")
                .endMetadata().build()).create();
        op.userConfigMap("unrelated", "k", "v");
        op.reconcile("example");
        assertNull(daemonSet("aide-ini-example"));
        assertNull(configMap("aide-example-worker-1"));
        assertNotNull(configMap("unrelated"));
        assertNotNull(daemonSet("aide-example"));
    }

    @Test
    void mockInvalidPriorityClassIsReportedWithFiosWarningAndCleared() {
        FileIntegrity fi = FileIntegrities.named(NS, "example");
        fi.getSpec().setPriorityClassName("non-existent-priority-class");
        op.create(fi);
        op.reconcile("example");
        assertNull(op.get("example").getSpec().getPriorityClassName());
        assertEquals(List.of("Warning Error while getting priority class 'non-existent-priority-class', "
                + "PriorityClass not found or invalid"), op.events("PriorityClass"));
        op.reconcile("example");
        assertNull(daemonSet("aide-example").getSpec().getTemplate().getSpec().getPriorityClassName());
    }

    @Test
    void mockInitialDelayPostponesTheDaemonSet() {
        FileIntegrity fi = FileIntegrities.named(NS, "example");
        fi.getSpec().getConfig().setInitialDelay(3600);
        op.create(fi);
        java.util.Optional<java.time.Duration> next = op.reconciler.reconcile(NS, "example");
        assertNull(daemonSet("aide-example"));
        assertEquals(FileIntegrityPhase.Pending, op.get("example").getStatus().getPhase());
        assertTrue(next.orElseThrow().toSeconds() > 3500, next.toString());
    }
}
