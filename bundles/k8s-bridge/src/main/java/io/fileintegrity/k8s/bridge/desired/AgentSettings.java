package io.fileintegrity.k8s.bridge.desired;

import java.util.List;
import java.util.Objects;

/**
 * How the operator runs agents: the image (the operator's own), the command that starts {@code fio agent} in
 * it, and the agent's service account.
 *
 * @param image the container image
 * @param command the command before the agent's arguments, e.g. {@code [/opt/fio/bin/fio, agent]}
 * @param serviceAccount the service account of the check pods
 */
public record AgentSettings(String image, List<String> command, String serviceAccount) {

    /** FIO's daemon service account. */
    public static final String DEFAULT_SERVICE_ACCOUNT = "file-integrity-daemon";

    public AgentSettings {
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        Objects.requireNonNull(serviceAccount, "serviceAccount");
    }
}
