package io.fileintegrity.api;

/** How a file differs from the baseline. */
public enum ChangeKind {
    /** Present now, absent from the baseline. */
    ADDED,
    /** In the baseline, absent now. */
    REMOVED,
    /** Present in both with different attributes. */
    CHANGED
}
