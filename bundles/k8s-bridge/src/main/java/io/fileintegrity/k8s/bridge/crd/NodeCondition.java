package io.fileintegrity.k8s.bridge.crd;

import io.fileintegrity.api.Outcome;

/** FIO's node result conditions; the constant names are the strings. */
public enum NodeCondition {
    /** No differences from the baseline. */
    Succeeded,
    /** Differences found; the log is in the result ConfigMap. */
    Failed,
    /** The check could not be made; see the error message. */
    Errored;

    /** The condition for a scan outcome. */
    public static NodeCondition of(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> Succeeded;
            case FAILED -> Failed;
            case ERRORED -> Errored;
        };
    }
}
