package io.fileintegrity.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one scan needs.
 *
 * @param hostRoot where the host's {@code /} is visible: {@code /} in standalone mode, {@code /hostroot}
 *     in the node agent's pod; providers resolve the paths of their configuration against it
 * @param config the provider's configuration
 * @param stateDirectory a directory the provider may write (baselines, incremental state); it exists
 * @param options threads, I/O cap and provider parameters
 * @param progress receives progress
 * @param changes receives every change found
 * @param cancellation polled between files
 */
public record ScanContext(
        Path hostRoot,
        ProviderConfig config,
        Path stateDirectory,
        ScanOptions options,
        ProgressListener progress,
        ChangeSink changes,
        Cancellation cancellation) {

    public ScanContext {
        Objects.requireNonNull(hostRoot, "hostRoot");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(options, "options");
        progress = progress == null ? ProgressListener.NONE : progress;
        changes = changes == null ? ChangeSink.NONE : changes;
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
    }

    /** A context with default options and no listener, sink or cancellation. */
    public static ScanContext of(Path hostRoot, ProviderConfig config, Path stateDirectory) {
        return new ScanContext(hostRoot, config, stateDirectory, ScanOptions.DEFAULTS, null, null, null);
    }

    /** This context with other options. */
    public ScanContext withOptions(ScanOptions value) {
        return new ScanContext(hostRoot, config, stateDirectory, value, progress, changes, cancellation);
    }

    /** This context with another change sink. */
    public ScanContext withChanges(ChangeSink value) {
        return new ScanContext(hostRoot, config, stateDirectory, options, progress, value, cancellation);
    }

    /** This context with another cancellation. */
    public ScanContext withCancellation(Cancellation value) {
        return new ScanContext(hostRoot, config, stateDirectory, options, progress, changes, value);
    }

    /** This context with another progress listener. */
    public ScanContext withProgress(ProgressListener value) {
        return new ScanContext(hostRoot, config, stateDirectory, options, value, changes, cancellation);
    }
}
