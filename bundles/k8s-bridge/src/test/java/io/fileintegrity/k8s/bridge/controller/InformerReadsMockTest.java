package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityPhase;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityStatus;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads from informer caches that lag behind the operator's own writes (a stopped informer: a frozen cache). */
@EnableKubernetesMockClient(crud = true, https = false)
class InformerReadsMockTest {

    KubernetesClient client;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private InformerReads reads;

    @BeforeEach
    void frozenCaches() {
        client.resource(FileIntegrities.named(NS, "example")).create();
        reads = new InformerReads(new LiveReads(client));
        SharedIndexInformer<FileIntegrity> fis = started(client.resources(FileIntegrity.class).inNamespace(NS).inform());
        SharedIndexInformer<Node> nodes = started(client.nodes().inform());
        SharedIndexInformer<FileIntegrityNodeStatus> statuses = started(
                client.resources(FileIntegrityNodeStatus.class).inNamespace(NS).inform());
        SharedIndexInformer<ConfigMap> cms = started(client.configMaps().inNamespace(NS).inform());
        SharedIndexInformer<DaemonSet> dss = started(client.apps().daemonSets().inNamespace(NS).inform());
        reads.bind(new InformerReads.Informers(fis, nodes, statuses, cms, dss, NS));
        informers.forEach(SharedIndexInformer::stop); // the stores stay, frozen
    }

    private <T> SharedIndexInformer<T> started(SharedIndexInformer<T> informer) {
        informers.add(informer);
        return informer;
    }

    @AfterEach
    void close() {
        informers.forEach(SharedIndexInformer::close);
    }

    private FileIntegrity patchPhase(FileIntegrity before, FileIntegrityPhase phase) {
        FileIntegrity written = client.resources(FileIntegrity.class).inNamespace(NS).withName("example").editStatus(fi -> {
            fi.setStatus(new FileIntegrityStatus(phase, null));
            return fi;
        });
        reads.wrote(before, written);
        return written;
    }

    @Test
    void mockOwnWriteIsReadBackWhileTheCacheLags() {
        FileIntegrity cached = reads.fileIntegrity(NS, "example");
        assertNull(cached.getStatus());
        patchPhase(cached, FileIntegrityPhase.Initializing);
        assertEquals(FileIntegrityPhase.Initializing, reads.fileIntegrity(NS, "example").getStatus().getPhase());
    }

    @Test
    void mockTwoOwnWritesInOneReconcileAreBothReadBack() {
        FileIntegrity cached = reads.fileIntegrity(NS, "example");
        patchPhase(cached, FileIntegrityPhase.Initializing);
        patchPhase(reads.fileIntegrity(NS, "example"), FileIntegrityPhase.Active);
        assertEquals(FileIntegrityPhase.Active, reads.fileIntegrity(NS, "example").getStatus().getPhase());
    }

    @Test
    void mockUnboundReadsGoToTheApiServer() {
        patchPhase(reads.fileIntegrity(NS, "example"), FileIntegrityPhase.Pending);
        reads.bind(null);
        assertEquals(FileIntegrityPhase.Pending, reads.fileIntegrity(NS, "example").getStatus().getPhase());
    }
}
