package io.fileintegrity.reporting.render;

/** Writes JSON string literals; the renderers build their documents with it. */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** {@code value} as a quoted JSON string, with control characters and quotes escaped. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        appendQuoted(out, value);
        return out.toString();
    }

    /** Appends {@code value} as a quoted JSON string. */
    public static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> appendPlain(out, c);
            }
        }
        out.append('"');
    }

    private static void appendPlain(StringBuilder out, char c) {
        // U+2028/2029 are valid JSON but break JavaScript consumers that eval lines.
        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                    .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
        } else {
            out.append(c);
        }
    }
}
