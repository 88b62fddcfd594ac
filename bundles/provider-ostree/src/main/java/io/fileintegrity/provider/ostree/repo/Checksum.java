package io.fileintegrity.provider.ostree.repo;

import java.util.HexFormat;

/** A SHA-256 object name: 64 lower-case hex characters. */
public record Checksum(String hex) implements Comparable<Checksum> {

    public Checksum {
        if (!isChecksum(hex)) {
            throw new IllegalArgumentException("not a SHA-256 checksum (64 lower-case hex characters): '" + hex + "'");
        }
    }

    /** Whether {@code text} is a well-formed checksum. */
    public static boolean isChecksum(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A checksum from its 32 raw bytes. */
    public static Checksum of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a SHA-256 checksum has 32 bytes, not " + bytes.length);
        }
        return new Checksum(HexFormat.of().formatHex(bytes));
    }

    /** The 32 raw bytes. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** The first 2 hex characters: the object's directory under {@code objects/}. */
    public String prefix() {
        return hex.substring(0, 2);
    }

    /** The first 12 characters, for messages. */
    public String abbreviated() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(Checksum other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
