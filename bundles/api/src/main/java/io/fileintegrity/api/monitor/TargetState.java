package io.fileintegrity.api.monitor;

/** What a monitored target is doing; the names follow FIO's FileIntegrity phases where they overlap. */
public enum TargetState {
    /** Waiting to start (initial delay, or a holdoff during a node update). */
    PENDING,
    /** Building the baseline. */
    INITIALIZING,
    /** Checking against the baseline. */
    CHECKING,
    /** Idle between scans. */
    ACTIVE,
    /** The last scan errored; the loop goes on. */
    ERROR
}
