package io.fileintegrity.api;

import java.util.List;
import java.util.Objects;

/**
 * One file that differs.
 *
 * @param path the path as seen on the host (without the host-root prefix)
 * @param kind added, removed or changed
 * @param attributes the attributes that differ (empty for added and removed files)
 * @param reason a provider-specific classification, e.g. {@code etc-modified} or
 *     {@code ima:digest-mismatch}; empty when there is none
 */
public record FileChange(String path, ChangeKind kind, List<AttributeChange> attributes, String reason) {

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        reason = reason == null ? "" : reason;
    }

    /** An added file. */
    public static FileChange added(String path) {
        return new FileChange(path, ChangeKind.ADDED, List.of(), "");
    }

    /** A removed file. */
    public static FileChange removed(String path) {
        return new FileChange(path, ChangeKind.REMOVED, List.of(), "");
    }

    /** A changed file with the attributes that differ. */
    public static FileChange changed(String path, List<AttributeChange> attributes) {
        return new FileChange(path, ChangeKind.CHANGED, attributes, "");
    }
}
