package io.fileintegrity.api.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * Facts about a baseline file.
 *
 * @param location where it is, as a path on the host
 * @param sizeBytes its size
 * @param modified when it was last written
 * @param sha256 hex SHA-256 of the file, so a copy elsewhere can be compared
 */
public record BaselineInfo(String location, long sizeBytes, Instant modified, String sha256) {

    public BaselineInfo {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(sha256, "sha256");
    }
}
