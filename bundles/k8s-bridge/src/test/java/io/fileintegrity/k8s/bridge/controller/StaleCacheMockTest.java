package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cache that has not seen the DaemonSet and config ConfigMap yet (or lost them from its label selection): the
 * reconciler's create meets 409 AlreadyExists and replaces the objects instead of failing (mock server).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class StaleCacheMockTest {

    KubernetesClient client;

    /** Reads FileIntegrities and nodes live, but never sees DaemonSets or ConfigMaps. */
    private ClusterReads blindToOwnObjects() {
        LiveReads live = new LiveReads(client);
        return new ClusterReads() {
            @Override
            public FileIntegrity fileIntegrity(String namespace, String name) {
                return live.fileIntegrity(namespace, name);
            }

            @Override
            public List<Node> nodes() {
                return live.nodes();
            }

            @Override
            public List<FileIntegrityNodeStatus> nodeStatuses(String namespace, String owner) {
                return live.nodeStatuses(namespace, owner);
            }

            @Override
            public ConfigMap configMap(String namespace, String name) {
                return null;
            }

            @Override
            public DaemonSet daemonSet(String namespace, String name) {
                return null;
            }
        };
    }

    @Test
    void mockCreateOfObjectsThatExistReplacesThemInsteadOfFailing() {
        OperatorFixture op = new OperatorFixture(client, blindToOwnObjects(), Instant.EPOCH, "aide");
        op.node("worker-1", Map.of(), Map.of());
        op.createNamed("example");
        op.reconcile("example");
        DaemonSet first = client.apps().daemonSets().inNamespace(NS).withName("aide-example").get();
        client.apps().daemonSets().inNamespace(NS).withName("aide-example").edit(ds -> {
            ds.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(List.of("--debug=true"));
            return ds;
        });

        op.reconcile("example"); // both creates meet 409 AlreadyExists

        DaemonSet again = client.apps().daemonSets().inNamespace(NS).withName("aide-example").get();
        assertEquals(first.getMetadata().getUid(), again.getMetadata().getUid(), "replaced, not deleted and created");
        assertEquals(first.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs(),
                again.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        assertEquals(1, client.configMaps().inNamespace(NS).list().getItems().size());
    }
}
