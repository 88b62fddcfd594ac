package io.fileintegrity.k8s.bridge.controller;

import static io.fileintegrity.k8s.bridge.controller.OperatorFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.desired.FileIntegrities;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An existing PriorityClass is looked up once per ten minutes, not on every resync (mock server). */
@EnableKubernetesMockClient(crud = true, https = false)
class PriorityClassCheckMockTest {

    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void mockExistingClassIsAskedForOnceNotOnEveryCheck() {
        client.scheduling().v1().priorityClasses().resource(new PriorityClassBuilder().withNewMetadata()
                .withName("system-node-critical").endMetadata().withValue(2000001000).build()).create();
        FileIntegrity fi = FileIntegrities.named(NS, "example");
        fi.getSpec().setPriorityClassName("system-node-critical");
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        PriorityClassCheck check = new PriorityClassCheck(client, new EventRecorder(client, Clock.systemUTC()),
                Clock.fixed(start, ZoneOffset.UTC));

        int before = server.getRequestCount();
        assertFalse(check.clearIfInvalid(fi));
        assertFalse(check.clearIfInvalid(fi));
        assertFalse(check.clearIfInvalid(fi));
        assertEquals(1, server.getRequestCount() - before);
    }
}
