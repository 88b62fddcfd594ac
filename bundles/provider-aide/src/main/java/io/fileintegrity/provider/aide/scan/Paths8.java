package io.fileintegrity.provider.aide.scan;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Conversions of byte-string paths (one char per byte, ISO-8859-1) to C strings and to display text.
 */
public final class Paths8 {
    private Paths8() {}

    /** The NUL-terminated bytes of a byte string. */
    public static byte[] cString(String byteString) {
        int n = byteString.length();
        byte[] b = new byte[n + 1];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) byteString.charAt(i);
        }
        return b;
    }

    /** A byte string for a Java (Unicode) string, encoded as UTF-8. */
    public static String fromUnicode(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The Unicode text of a byte string holding UTF-8; invalid sequences become U+FFFD. */
    public static String toUnicode(String byteString) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Whether a byte string is valid UTF-8. */
    public static boolean isUtf8(String byteString) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(byteString.getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A path for messages: UTF-8 text, with invalid bytes shown as U+FFFD. */
    public static String display(String byteString) {
        return toUnicode(byteString);
    }
}
