package io.fileintegrity.k8s.bridge.controller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * FIO's node-list annotation values ({@code re-init}, {@code holdoff}): the empty string means all nodes,
 * otherwise node names separated by commas. Blank entries (from {@code "a,,b"} or spaces) are dropped; a value of
 * separators only names no node.
 */
public record NodeList(boolean allNodes, List<String> nodes) {

    public NodeList {
        nodes = List.copyOf(nodes);
    }

    /** All nodes. */
    public static final NodeList ALL = new NodeList(true, List.of());

    /** Parses an annotation value; null means the annotation is absent and gives null. */
    public static NodeList parse(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            return ALL;
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (!name.isEmpty() && names.stream().noneMatch(name::equalsIgnoreCase)) {
                names.add(name);
            }
        }
        return new NodeList(false, names); // only separators: garbage, so no node rather than every node
    }

    /** Whether {@code node} is covered (nodes compare case-insensitively, as FIO's holdoff does). */
    public boolean covers(String node) {
        return allNodes || nodes.stream().anyMatch(node::equalsIgnoreCase);
    }

    /** This list plus {@code node}; all nodes stays all nodes. */
    public NodeList with(String node) {
        if (covers(node)) {
            return this;
        }
        List<String> more = new ArrayList<>(nodes);
        more.add(node);
        return new NodeList(false, more);
    }

    /** This list without {@code node}, or null when nothing is left; all nodes stays all nodes. */
    public NodeList without(String node) {
        if (allNodes) {
            return this;
        }
        List<String> fewer = new ArrayList<>(nodes);
        fewer.removeIf(node::equalsIgnoreCase);
        return fewer.isEmpty() ? null : new NodeList(false, fewer);
    }

    /** Nodes of a list, in order. */
    public static NodeList of(Collection<String> nodes) {
        return nodes.isEmpty() ? null : new NodeList(false, List.copyOf(nodes));
    }

    /** The annotation value. */
    public String format() {
        return allNodes ? "" : String.join(",", nodes);
    }
}
