package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantDecoder;
import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import io.fileintegrity.provider.ostree.gvariant.GVariantValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .commit} object, {@code (a{sv}aya(say)sstayay)}.
 *
 * @param metadata the commit metadata (ostree.ref-binding, version, ...)
 * @param parent the parent commit, empty for a root commit
 * @param subject the subject line
 * @param body the body
 * @param timestamp commit time (stored big-endian)
 * @param rootTree the root dirtree
 * @param rootMeta the root dirmeta
 */
public record Commit(Map<String, GVariantValue> metadata, Optional<Checksum> parent, String subject, String body,
        Instant timestamp, Checksum rootTree, Checksum rootMeta) {

    public Commit {
        metadata = Map.copyOf(metadata);
    }

    /** Decodes a commit object. */
    public static Commit decode(byte[] bytes) throws GVariantFormatException, CorruptObjectException {
        List<?> fields = (List<?>) GVariantDecoder.decode(ObjectFormats.COMMIT, bytes);
        Map<String, GVariantValue> metadata = new LinkedHashMap<>();
        for (Object entry : (List<?>) fields.get(0)) {
            List<?> pair = (List<?>) entry;
            metadata.put((String) pair.get(0), (GVariantValue) pair.get(1));
        }
        byte[] parent = (byte[]) fields.get(1);
        Optional<Checksum> parentChecksum = parent.length == 0 ? Optional.empty()
                : Optional.of(ObjectFormats.checksum(parent, "parent commit"));
        long seconds = Long.reverseBytes((Long) fields.get(5));
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            throw new CorruptObjectException("commit timestamp " + seconds + " is out of range");
        }
        return new Commit(metadata, parentChecksum, (String) fields.get(3), (String) fields.get(4),
                Instant.ofEpochSecond(seconds), ObjectFormats.checksum(fields.get(6), "root dirtree"),
                ObjectFormats.checksum(fields.get(7), "root dirmeta"));
    }

    /** A string metadata value such as {@code version}, when present with type {@code s}. */
    public Optional<String> stringMetadata(String key) {
        GVariantValue value = metadata.get(key);
        return value != null && value.value() instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** The refs of {@code ostree.ref-binding}, empty when the commit has none. */
    public List<String> refBindings() {
        GVariantValue value = metadata.get("ostree.ref-binding");
        if (value == null || !value.type().signature().equals("as")) {
            return List.of();
        }
        return ((List<?>) value.value()).stream().map(String.class::cast).toList();
    }
}
