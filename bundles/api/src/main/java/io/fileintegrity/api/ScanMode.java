package io.fileintegrity.api;

/** Which kind of scan produced a result. */
public enum ScanMode {
    /** Building a baseline. */
    INITIALIZE,
    /** Comparing against a baseline or source of truth. */
    CHECK
}
