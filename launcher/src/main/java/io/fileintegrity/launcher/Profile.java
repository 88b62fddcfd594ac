package io.fileintegrity.launcher;

import java.util.List;

/**
 * Which bundle folders under {@code bundle/} a role loads. A one-off command loads only {@code core}
 * (the SPI, the providers, the engine, the CLI and their libraries) so that it starts fast; the
 * long-running roles add File Install ({@code runtime}), the HTTP stack and the Web Console ({@code web}) and the
 * Kubernetes client ({@code k8s}); {@code logging} holds slf4j and SPI Fly, which the last two need.
 */
enum Profile {
    CLI(false, "core"),
    CLI_KUBERNETES(false, "core", "logging", "k8s"),
    STANDALONE(true, "core", "logging", "runtime", "web"),
    CLUSTER(true, "core", "logging", "runtime", "web", "k8s");

    private final boolean longRunning;
    private final List<String> folders;

    Profile(boolean longRunning, String... folders) {
        this.longRunning = longRunning;
        this.folders = List.of(folders);
    }

    /** The profile a subcommand needs. */
    static Profile forSubcommand(String name) {
        return switch (name) {
            case "run" -> STANDALONE;
            case "operator", "agent" -> CLUSTER;
            // help lists every command, the Kubernetes ones included
            case "convert-aide-conf", "help" -> CLI_KUBERNETES;
            default -> CLI;
        };
    }

    /** Whether the role serves HTTP and watches {@code deploy/} (otherwise deploy/ jars are installed once). */
    boolean longRunning() {
        return longRunning;
    }

    /** Folders under {@code bundle/}, in install order. */
    List<String> folders() {
        return folders;
    }
}
