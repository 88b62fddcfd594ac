package io.fileintegrity.provider.aide.database;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AIDE 0.18's field encodings (its {@code util.c} and {@code db_file.c}): percent-encoding of names,
 * the {@code 0}/{@code 0-}/{@code 00} convention for optional strings, base64 of digests and of the
 * decimal time string. All strings are byte strings (ISO-8859-1, one char per byte).
 */
public final class FieldCodec {
    /** Bytes AIDE percent-encodes besides everything that is not printable ASCII. */
    private static final String UNSAFE = " <>\"#%{}|\\^~[]`@:\033'";
    /** Characters below 0x7f that are percent-encoded; everything from 0x7f up is. */
    private static final boolean[] UNSAFE_TABLE = unsafeTable();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private FieldCodec() {}

    /** Percent-encodes the unsafe bytes of a byte string; returns it unchanged if it has none. */
    public static String encode(String s) {
        if (!needsEncoding(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnsafe(c)) {
                b.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean needsEncoding(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isUnsafe(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnsafe(char c) {
        return c >= UNSAFE_TABLE.length || UNSAFE_TABLE[c];
    }

    private static boolean[] unsafeTable() {
        boolean[] table = new boolean[0x7f];
        for (char c = 0; c < table.length; c++) {
            table[c] = c < 0x20 || UNSAFE.indexOf(c) >= 0;
        }
        return table;
    }

    /** Decodes {@code %XX} (either case); any other {@code %} is kept, as AIDE does. */
    public static String decode(String s) {
        int p = s.indexOf('%');
        if (p < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, p);
        for (int i = p; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                b.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** An optional string field: {@code 0} = null, {@code 0-} = empty, a leading {@code 0} doubled. */
    public static String encodeOptional(String s) {
        if (s == null) {
            return "0";
        }
        if (s.isEmpty()) {
            return "0-";
        }
        if (s.charAt(0) == '0') {
            return "00" + encode(s.substring(1));
        }
        return encode(s);
    }

    /** Inverse of {@link #encodeOptional}. */
    public static String decodeOptional(String field) {
        if (field.equals("0")) {
            return null;
        }
        if (field.equals("0-")) {
            return "";
        }
        if (field.startsWith("00")) {
            return decode(field.substring(1));
        }
        return decode(field);
    }

    /** Base64 of raw bytes, or {@code 0} for null. */
    public static String encodeBytes(byte[] data) {
        return data == null ? "0" : B64.encodeToString(data);
    }

    /** Base64 of a byte string (AIDE's selinux, capabilities and ACL text fields), or {@code 0} for null. */
    public static String encodeText(String text) {
        return text == null ? "0" : B64.encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Decodes a base64 field; {@code 0} is null.
     *
     * @throws IllegalArgumentException naming the problem when the text is not padded base64
     */
    public static byte[] decodeBytes(String field) {
        if (field.equals("0")) {
            return null;
        }
        if (field.length() % 4 != 0) {
            throw new IllegalArgumentException("base64 value '" + field + "' is not padded to a multiple of 4");
        }
        try {
            return B64_DECODER.decode(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 value '" + field + "': " + e.getMessage());
        }
    }

    /** Inverse of {@link #encodeText}. */
    public static String decodeText(String field) {
        byte[] data = decodeBytes(field);
        return data == null ? null : new String(data, StandardCharsets.ISO_8859_1);
    }

    /** A time field: {@code 0}, or base64 of the decimal seconds, e.g. 1795548069 → {@code MTc5NTU0ODA2OQ==}. */
    public static String encodeTime(long seconds) {
        return seconds == 0 ? "0" : B64.encodeToString(Long.toString(seconds).getBytes(StandardCharsets.US_ASCII));
    }

    /** Inverse of {@link #encodeTime}. */
    public static long decodeTime(String field) {
        byte[] data = decodeBytes(field);
        if (data == null) {
            return 0;
        }
        String digits = new String(data, StandardCharsets.ISO_8859_1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time value '" + field + "' does not decode to seconds");
        }
    }
}
