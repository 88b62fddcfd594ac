package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.convert.DefaultAideConf;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.crd.NodeCondition;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User configuration, re-init requests and their acknowledgement, against the CRUD mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class ConfigAndReinitMockTest {

    KubernetesClient client;
    private OperatorFixture op;

    @BeforeEach
    void setUp() {
        op = new OperatorFixture(client);
        op.node("worker-1", Map.of(), Map.of());
        op.node("worker-2", Map.of(), Map.of());
    }

    private ConfigMap configMap() {
        return client.configMaps().inNamespace(NS).withName("example").get();
    }

    private ReinitRequests requests() {
        Map<String, String> annotations = configMap().getMetadata().getAnnotations();
        return ReinitRequests.parse(annotations == null ? null : annotations.get(Labels.REINIT_REQUESTS));
    }

    private void createWithUserConfig() {
        FileIntegrity fi = FileIntegrities.named(NS, "example");
        fi.getSpec().getConfig().setName("myconf");
        fi.getSpec().getConfig().setNamespace(NS);
        fi.getSpec().getConfig().setKey("config");
        op.create(fi);
    }

    private void annotate(String key, String value) {
        client.resources(FileIntegrity.class).inNamespace(NS).withName("example").edit(f -> {
            f.getMetadata().setAnnotations(Map.of(key, value));
            return f;
        });
    }

    @Test
    void mockUserConfigIsConvertedAndAChangeAsksEveryNodeForReinit() {
        op.userConfigMap("myconf", "config", "/etc CONTENT_EX");
        createWithUserConfig();
        op.reconcile("example");
        assertEquals("/hostroot/etc CONTENT_EX", configMap().getData().get("aide.conf"));
        assertEquals(ReinitRequests.NONE, requests(), "a first config needs no re-init");
        op.userConfigMap("myconf", "config", "/etc CONTENT_EX\n# a comment");
        op.reconcile("example");
        assertEquals("/hostroot/etc CONTENT_EX\n# a comment", configMap().getData().get("aide.conf"));
        assertTrue(requests().tokens().containsKey(ReinitRequests.ALL), requests().toString());
        assertEquals(1, op.metrics.value("reinit_total", Map.of("by", "config", "node", "")));
    }

    @Test
    void mockMissingUserConfigMapOrKeyKeepsTheCurrentConfig() {
        createWithUserConfig();
        op.reconcile("example");
        assertEquals(DefaultAideConf.text(), configMap().getData().get("aide.conf"));
        op.userConfigMap("myconf", "other-key", "/etc CONTENT_EX");
        op.reconcile("example");
        assertEquals(DefaultAideConf.text(), configMap().getData().get("aide.conf"));
        assertEquals(FileIntegrityPhase.Initializing, op.get("example").getStatus().getPhase());
    }

    @Test
    void mockMalformedConfigIsErrorWithFileAndLineAndIsNotStored() {
        op.userConfigMap("myconf", "config", "/etc CONTENT_EX");
        createWithUserConfig();
        op.reconcile("example");
        op.userConfigMap("myconf", "config", "/etc CONTENT_EX\nBAD = sha513+XXXXXX");
        op.reconcile("example");
        FileIntegrity live = op.get("example");
        assertEquals(FileIntegrityPhase.Error, live.getStatus().getPhase());
        assertEquals("invalid configuration: openshift-file-integrity/myconf:config:2: unknown attribute 'sha513'",
                live.getStatus().getMessage());
        assertEquals("/hostroot/etc CONTENT_EX", configMap().getData().get("aide.conf"));
        op.userConfigMap("myconf", "config", "/etc CONTENT_EX");
        op.reconcile("example");
        assertEquals(FileIntegrityPhase.Initializing, op.get("example").getStatus().getPhase());
    }

    @Test
    void mockMalformedConfigOfANewFileIntegritySchedulesNothing() {
        op.userConfigMap("myconf", "config", "/etc sha513");
        createWithUserConfig();
        op.reconcile("example");
        assertEquals(FileIntegrityPhase.Error, op.get("example").getStatus().getPhase());
        assertNull(client.apps().daemonSets().inNamespace(NS).withName("aide-example").get());
    }

    @Test
    void mockReinitAnnotationForOneNodeBecomesARequestUntilTheAgentAppliesIt() {
        op.createNamed("example");
        op.reconcile("example");
        op.markReady("aide-example", 2);
        op.nodeResult("example", "worker-1", NodeCondition.Succeeded, 0, 0, null, 0);
        op.nodeResult("example", "worker-2", NodeCondition.Succeeded, 0, 0, null, 0);
        annotate(Labels.REINIT, "worker-1");
        op.reconcile("example");
        assertFalse(op.get("example").getMetadata().getAnnotations().containsKey(Labels.REINIT));
        long token = requests().tokenFor("worker-1");
        assertTrue(token > 0);
        assertEquals(0, requests().tokenFor("worker-2"));
        assertEquals(FileIntegrityPhase.Initializing, op.get("example").getStatus().getPhase());
        op.nodeResult("example", "worker-1", NodeCondition.Succeeded, 0, 0, null, token);
        op.reconcile("example");
        assertEquals(ReinitRequests.NONE, requests());
        assertEquals(FileIntegrityPhase.Active, op.get("example").getStatus().getPhase());
    }

    @Test
    void mockReinitOnFailedAsksOnlyTheFailedNodes() {
        op.createNamed("example");
        op.reconcile("example");
        op.nodeResult("example", "worker-1", NodeCondition.Failed, 1, 0, null, 0);
        op.nodeResult("example", "worker-2", NodeCondition.Succeeded, 0, 0, null, 0);
        annotate(Labels.REINIT_ON_FAILED, "");
        op.reconcile("example");
        assertTrue(requests().tokenFor("worker-1") > 0);
        assertEquals(0, requests().tokenFor("worker-2"));
        assertFalse(op.get("example").getMetadata().getAnnotations().containsKey(Labels.REINIT_ON_FAILED));
    }

    @Test
    void mockGarbageInTheRequestsAnnotationIsIgnored() {
        op.createNamed("example");
        op.reconcile("example");
        ConfigMap cm = configMap();
        cm.getMetadata().setAnnotations(Map.of(Labels.REINIT_REQUESTS, "worker-1=abc,=5,,junk"));
        client.configMaps().resource(cm).update();
        op.reconcile("example");
        assertEquals(ReinitRequests.NONE, requests());
    }

    @Test
    void mockTamperedConfigMapIsRestoredWithoutAReinitThatWouldAcceptChanges() {
        op.createNamed("example");
        op.reconcile("example");
        client.configMaps().inNamespace(NS).withName("example").edit(cm -> {
            cm.getData().put("aide.conf", "/ R\n");
            return cm;
        });
        op.reconcile("example");
        assertEquals(DefaultAideConf.text(), configMap().getData().get("aide.conf"));
        assertEquals(ReinitRequests.NONE, requests(), "restoring the same text is not a configuration change");
        assertEquals(0, op.metrics.value("reinit_total", Map.of("by", "config", "node", "")));
    }

    @Test
    void mockAfterAnOperatorRestartADifferingConfigMapIsAChangeAsInFio() {
        op.createNamed("example");
        op.reconcile("example");
        client.configMaps().inNamespace(NS).withName("example").edit(cm -> {
            cm.getData().put("aide.conf", "/ R\n");
            return cm;
        });
        OperatorFixture restarted = new OperatorFixture(client);
        restarted.reconcile("example");
        assertEquals(DefaultAideConf.text(), configMap().getData().get("aide.conf"));
        assertTrue(requests().tokens().containsKey(ReinitRequests.ALL));
    }

    @Test
    void mockReinitOfAMisspelledOrUnknownNodeReachesTheNodeOrNothing() {
        op.createNamed("example");
        op.reconcile("example");
        annotate(Labels.REINIT, "WORKER-1,no-such-node");
        op.reconcile("example");
        assertEquals(java.util.Set.of("worker-1"), requests().tokens().keySet());
        assertNull(op.get("example").getMetadata().getAnnotations().get(Labels.REINIT));
    }
}
