package io.fileintegrity.provider.aide.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small text conversions shared by the renderers: times, escapes, the e2fs flag string. */
final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
    private static final long[] E2FS_FLAGS = {0x1, 0x2, 0x8, 0x10000, 0x10, 0x20, 0x40, 0x80, 0x4, 0x800, 0x4000,
        0x1000, 0x8000, 0x20000, 0x80000, 0x800000, 0x2000000, 0x40000000, 0x10000000, 0x20000000, 0x100000, 0x400};
    private static final String E2FS_LETTERS = "suSDiadAcEjItTeCxFNPVm";

    private ReportText() {}

    /** AIDE's report time: local time, {@code %Y-%m-%d %H:%M:%S %z}. */
    static String time(long epochSeconds) {
        return TIME.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    /**
     * Escapes for the plain report as AIDE (CVE-2025-54389 fix) does: bytes below 0x1f, DEL, and a
     * backslash followed by three digits become {@code \ooo}.
     */
    static String escapePlain(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escape = c < 0x1f || c == 0x7f || (c == '\\' && digits(s, i + 1));
            if (escape && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                b.append(escape ? String.format("\\%03o", (int) c) : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean digits(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * AIDE's JSON string escape (Debian 0.18.3 with the CVE-2025-54389 fix): quote and backslash
     * escaped, {@code \b \f \n \r \t}, other bytes below 0x1f and DEL as a backslash-u escape whose
     * four digits are the DECIMAL byte value (AIDE prints them with {@code %04d}); 0x1f passes through.
     */
    static String escapeJson(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x1f || c == 0x7f) {
                        b.append('\\').append('u').append(String.format("%04d", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The chattr-style flag string, with {@code :} for ignored flags and {@code -} for unset ones. */
    static String e2fsFlags(long flags, long ignored) {
        StringBuilder b = new StringBuilder(E2FS_FLAGS.length);
        for (int i = 0; i < E2FS_FLAGS.length; i++) {
            if ((E2FS_FLAGS[i] & ignored) != 0) {
                b.append(':');
            } else {
                b.append((E2FS_FLAGS[i] & flags) != 0 ? E2FS_LETTERS.charAt(i) : '-');
            }
        }
        return b.toString();
    }

    /** The flag bits of a {@code report_ignore_e2fsattrs} letter string ({@code 0} = none). */
    public static long e2fsMask(String letters) {
        long mask = 0;
        for (char c : letters.toCharArray()) {
            int i = E2FS_LETTERS.indexOf(c);
            if (i >= 0) {
                mask |= E2FS_FLAGS[i];
            }
        }
        return mask;
    }
}
