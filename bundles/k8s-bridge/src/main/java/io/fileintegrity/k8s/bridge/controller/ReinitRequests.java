package io.fileintegrity.k8s.bridge.controller;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pending baseline re-inits of one FileIntegrity, kept by the operator on its config ConfigMap (annotation
 * {@code fio.fileintegrity.io/reinit-requests}) and applied by the agents: {@code node=token} pairs separated by
 * commas, {@value #ALL} for every node. A token is the request time in epoch milliseconds; an agent re-inits
 * when a token for its node (or {@value #ALL}) is newer than the one it last applied. Malformed pairs are
 * dropped, so garbage written into the annotation by hand cannot stop the operator.
 */
public record ReinitRequests(Map<String, Long> tokens) {

    /** The key standing for all nodes. */
    public static final String ALL = "*";
    /** No requests. */
    public static final ReinitRequests NONE = new ReinitRequests(Map.of());

    public ReinitRequests {
        tokens = Map.copyOf(tokens);
    }

    /** Parses the annotation value; null or garbage gives {@link #NONE}. */
    public static ReinitRequests parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                tokens.merge(pair.substring(0, eq).trim(), Long.parseLong(pair.substring(eq + 1).trim()), Math::max);
            } catch (NumberFormatException e) {
                // dropped, see the class comment
            }
        }
        return new ReinitRequests(tokens);
    }

    /** These requests plus a request for {@code nodes} (all nodes when {@link NodeList#allNodes()}) at {@code token}. */
    public ReinitRequests request(NodeList nodes, long token) {
        Map<String, Long> more = new LinkedHashMap<>(tokens);
        if (nodes.allNodes()) {
            more.put(ALL, token);
        } else {
            nodes.nodes().forEach(node -> more.put(node, token));
        }
        return new ReinitRequests(more);
    }

    /** The newest token that concerns {@code node}, 0 when none does. */
    public long tokenFor(String node) {
        return Math.max(tokens.getOrDefault(node, 0L), tokens.getOrDefault(ALL, 0L));
    }

    /** The newest token of all. */
    public long newest() {
        return tokens.values().stream().mapToLong(Long::longValue).max().orElse(0L);
    }

    /** Whether any request is open for a node that has applied {@code applied} so far. */
    public boolean pendingFor(String node, long applied) {
        return tokenFor(node) > applied;
    }

    /** These requests without the per-node ones {@code node} has applied. */
    public ReinitRequests pruneApplied(String node, long applied) {
        Map<String, Long> fewer = new LinkedHashMap<>(tokens);
        if (fewer.getOrDefault(node, Long.MAX_VALUE) <= applied) {
            fewer.remove(node);
        }
        return new ReinitRequests(fewer);
    }

    /**
     * These requests with each node key spelled as the node is named in {@code nodeNames} (annotations compare node
     * names case-insensitively, agents look their own name up exactly), and without keys of nodes that do not
     * exist (a misspelled or removed node would otherwise keep its request forever). {@link #ALL} stays.
     */
    public ReinitRequests forNodes(Collection<String> nodeNames) {
        Map<String, Long> kept = new LinkedHashMap<>();
        tokens.forEach((key, token) -> {
            String node = ALL.equals(key) ? ALL
                    : nodeNames.stream().filter(key::equalsIgnoreCase).findFirst().orElse(null);
            if (node != null) {
                kept.merge(node, token, Math::max);
            }
        });
        return new ReinitRequests(kept);
    }

    /** These requests without the one for {@code key}. */
    public ReinitRequests without(String key) {
        Map<String, Long> fewer = new LinkedHashMap<>(tokens);
        fewer.remove(key);
        return new ReinitRequests(fewer);
    }

    /** The annotation value, with keys in a stable order; empty when there are no requests. */
    public String format() {
        StringBuilder out = new StringBuilder();
        tokens.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(e.getKey()).append('=').append(e.getValue());
        });
        return out.toString();
    }
}
