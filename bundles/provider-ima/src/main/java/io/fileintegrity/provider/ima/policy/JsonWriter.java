package io.fileintegrity.provider.ima.policy;

import java.util.Collection;
import java.util.Map;

/** Writes maps, collections, strings, numbers, booleans and null as JSON, one member per line at the top. */
public final class JsonWriter {

    private JsonWriter() {
    }

    /** The value as JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, depth);
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(out, item, depth + 1);
                separator = ", ";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        String indent = depth < 2 ? "\n" + "  ".repeat(depth + 1) : "";
        out.append('{');
        String separator = "";
        for (var member : map.entrySet()) {
            out.append(separator).append(indent);
            string(out, (String) member.getKey());
            out.append(": ");
            write(out, member.getValue(), depth + 1);
            separator = depth < 2 ? "," : ", ";
        }
        out.append(depth < 2 && !map.isEmpty() ? "\n" + "  ".repeat(depth) : "").append('}');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
