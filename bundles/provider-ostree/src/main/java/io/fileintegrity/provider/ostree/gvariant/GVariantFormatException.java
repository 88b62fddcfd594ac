package io.fileintegrity.provider.ostree.gvariant;

import java.io.IOException;

/**
 * Serialised GVariant data that cannot be decoded: truncated, out-of-range framing offsets, a string
 * without its NUL, a bad type string. The message names the byte offset and the problem.
 */
public final class GVariantFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public GVariantFormatException(String message) {
        super(message);
    }

    static GVariantFormatException at(int offset, String problem) {
        return new GVariantFormatException("at byte " + offset + ": " + problem);
    }
}
