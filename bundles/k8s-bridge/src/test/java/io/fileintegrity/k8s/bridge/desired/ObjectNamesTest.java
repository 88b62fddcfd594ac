package io.fileintegrity.k8s.bridge.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectNamesTest {

    @Test
    void shortNamesArePrefixedWithAide() {
        assertEquals("aide-example", ObjectNames.daemonSet("example"));
        assertEquals("aide-example-worker-1-failed", ObjectNames.failureConfigMap("example", "worker-1"));
        assertEquals("example", ObjectNames.configMap("example"));
    }

    @Test
    void namesOfSixtyFourCharactersOrMoreBecomeAideAndSha1() {
        String fi = "x".repeat(59);
        assertEquals(64, ("aide-" + fi).length());
        String name = ObjectNames.daemonSet(fi);
        assertTrue(name.matches("aide[0-9a-f]{40}"), name);
        assertEquals("aide-" + "x".repeat(58), ObjectNames.daemonSet("x".repeat(58)));
    }
}
