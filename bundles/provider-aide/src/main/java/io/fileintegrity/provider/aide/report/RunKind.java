package io.fileintegrity.provider.aide.report;

/** What the run did, for the report's outline line. */
public enum RunKind {
    INIT, CHECK, UPDATE, COMPARE;

    /** Whether the run compared two states (check, update, compare). */
    public boolean compares() {
        return this != INIT;
    }
}
