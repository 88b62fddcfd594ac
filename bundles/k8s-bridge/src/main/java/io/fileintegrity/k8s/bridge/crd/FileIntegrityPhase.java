package io.fileintegrity.k8s.bridge.crd;

/** FIO's {@code status.phase} values; the constant names are the strings. */
public enum FileIntegrityPhase {
    /** No check DaemonSet exists yet. */
    Pending,
    /** The DaemonSet is rolling out or a baseline is being rebuilt. */
    Initializing,
    /** Every selected node runs its check loop. */
    Active,
    /** A node reported an error, or the FileIntegrity cannot be scheduled (e.g. unknown provider). */
    Error
}
