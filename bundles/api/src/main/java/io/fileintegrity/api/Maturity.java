package io.fileintegrity.api;

/** How far a provider can be trusted in production. */
public enum Maturity {
    /** Supported: behaviour and formats are stable. */
    STABLE,
    /** Correct as far as it is tested, but its configuration and output may still change. */
    EXPERIMENTAL
}
