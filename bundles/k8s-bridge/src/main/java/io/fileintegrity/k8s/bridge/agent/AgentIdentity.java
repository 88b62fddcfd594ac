package io.fileintegrity.k8s.bridge.agent;

import io.fileintegrity.k8s.bridge.crd.FileIntegrityNodeStatus;
import java.util.Objects;

/**
 * Which node of which FileIntegrity this agent checks.
 *
 * @param namespace the FileIntegrity's namespace
 * @param fileIntegrity its name
 * @param node the node name ({@code NODE_NAME})
 */
public record AgentIdentity(String namespace, String fileIntegrity, String node) {

    public AgentIdentity {
        require(namespace, "namespace");
        require(fileIntegrity, "name");
        require(node, "nodeName (or NODE_NAME)");
    }

    private static void require(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException("the agent needs its " + what);
        }
    }

    /** The engine target id {@code ns/fi/node} (service property {@code fio.target.id}). */
    public String targetId() {
        return namespace + "/" + fileIntegrity + "/" + node;
    }

    /** The name of this node's FileIntegrityNodeStatus. */
    public String nodeStatusName() {
        return FileIntegrityNodeStatus.nameFor(fileIntegrity, node);
    }
}
