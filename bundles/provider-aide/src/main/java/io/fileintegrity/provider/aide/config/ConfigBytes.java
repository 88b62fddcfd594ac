package io.fileintegrity.provider.aide.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Config text as AIDE sees it: bytes. Files are decoded as UTF-8, but a byte that is not part of valid
 * UTF-8 (say a Latin-1 umlaut, which AIDE's lexer accepts in group names) is kept as the lone surrogate
 * {@code U+DC80..U+DCFF}, so it survives the trip to the lexer's one-char-per-byte form and back.
 */
final class ConfigBytes {

    private static final char ESCAPE_BASE = '\uDC00';

    private ConfigBytes() {
    }

    /** UTF-8 where valid, escaped bytes elsewhere. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            for (int i = 0; i < r.length(); i++) {
                out.put((char) (ESCAPE_BASE | (in.get() & 0xFF)));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** One char (0..255) per byte, for the lexer. */
    static String toByteChars(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uDC80' && c <= '\uDCFF') {
                sb.append((char) (c & 0xFF));
            } else if (c < 0x80) {
                sb.append(c);
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp) - 1;
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append((char) (b & 0xFF));
                }
            }
        }
        return sb.toString();
    }

    /** The reverse of {@link #toByteChars}. */
    static String fromByteChars(String byteChars) {
        return decode(byteChars.getBytes(StandardCharsets.ISO_8859_1));
    }
}
