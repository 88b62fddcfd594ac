package io.fileintegrity.api;

/** The outcome of one scan; the names match FIO's node status conditions. */
public enum Outcome {
    /** Nothing differs from the baseline, or the baseline was built. */
    SUCCEEDED,
    /** The scan ran and found differences. */
    FAILED,
    /** The scan could not be made; {@link ScanResult#errorMessage()} says why. */
    ERRORED
}
