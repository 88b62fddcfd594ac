package io.fileintegrity.k8s.bridge.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeListTest {

    @Test
    void emptyValueMeansAllNodesAndAbsentMeansNone() {
        assertNull(NodeList.parse(null));
        assertTrue(NodeList.parse("").allNodes());
        assertTrue(NodeList.parse("").covers("anything"));
    }

    @Test
    void listIsTrimmedDeduplicatedAndComparedCaseInsensitively() {
        NodeList list = NodeList.parse(" a, ,B,b,a ");
        assertEquals(List.of("a", "B"), list.nodes());
        assertTrue(list.covers("b"));
        assertFalse(list.covers("c"));
        assertEquals("a,B", list.format());
    }

    @Test
    void garbageOfOnlySeparatorsMeansNoNode() {
        NodeList list = NodeList.parse(",,, ");
        assertFalse(list.allNodes());
        assertFalse(list.covers("worker-1"));
    }

    @Test
    void removingTheLastNodeLeavesNothing() {
        assertNull(NodeList.parse("a").without("A"));
        assertEquals("b", NodeList.parse("a,b").without("a").format());
        assertTrue(NodeList.ALL.without("a").allNodes());
        assertEquals("a,c", NodeList.parse("a").with("c").format());
    }
}
