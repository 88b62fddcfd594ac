package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.Attribute;
import java.util.Map;

/**
 * The {@code database_attrs} digests of one database file (over its uncompressed text).
 *
 * @param path the database path as in the URL
 * @param digests digest per hash attribute, in AIDE order
 */
public record DatabaseDigest(String path, Map<Attribute, byte[]> digests) {
    public DatabaseDigest {
        digests = Map.copyOf(digests);
    }
}
