package io.fileintegrity.provider.ima.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259): objects become {@link LinkedHashMap}s, arrays {@link List}s,
 * numbers {@link Long} or {@link BigDecimal}, {@code null} Java null. Duplicate keys, trailing commas,
 * comments, control characters in strings, lone surrogates and nesting deeper than 64 are errors.
 */
public final class JsonReader {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;
    private int line = 1;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses one JSON value that makes up the whole text. */
    public static Object parse(String text) throws JsonException {
        JsonReader reader = new JsonReader(text);
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw reader.error("unexpected '" + text.charAt(reader.at) + "' after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (at >= text.length()) {
            throw error("unexpected end of the text");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> members = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (members.containsKey(name)) {
                throw error("duplicate member \"" + name + "\"");
            }
            members.put(name, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return members;
        }
    }

    private List<Object> array(int depth) throws JsonException {
        List<Object> items = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return items;
        }
        while (true) {
            skipSpace();
            items.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return items;
        }
    }

    private String string() throws JsonException {
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (Character.isSurrogate(c)) {
                at--;
                out.append(surrogatePair());
            } else if (c == '\\') {
                out.append(escape());
            } else {
                out.append(c);
            }
        }
    }

    private String surrogatePair() throws JsonException {
        char high = text.charAt(at);
        if (Character.isHighSurrogate(high) && at + 1 < text.length() && Character.isLowSurrogate(text.charAt(at + 1))) {
            at += 2;
            return text.substring(at - 2, at);
        }
        throw error("lone surrogate in a string");
    }

    private String escape() throws JsonException {
        if (at >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(at++);
        return switch (c) {
            case '"' -> "\"";
            case '\\' -> "\\";
            case '/' -> "/";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape '\\" + c + "'");
        };
    }

    private String unicodeEscape() throws JsonException {
        char first = hex4();
        if (Character.isHighSurrogate(first)) {
            if (text.startsWith("\\u", at)) {
                at += 2;
                char second = hex4();
                if (Character.isLowSurrogate(second)) {
                    return new String(new char[] {first, second});
                }
            }
            throw error("lone surrogate escape in a string");
        }
        if (Character.isLowSurrogate(first)) {
            throw error("lone surrogate escape in a string");
        }
        return String.valueOf(first);
    }

    private char hex4() throws JsonException {
        if (at + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0 || text.charAt(at + i) > 'f') {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private Object number() throws JsonException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            throw error("invalid number");
        }
        boolean integral = true;
        if (peek() == '.') {
            at++;
            integral = false;
            if (!digits()) {
                throw error("invalid number: no digits after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                throw error("invalid number: no digits in the exponent");
            }
        }
        String number = text.substring(start, at);
        if (integral && number.length() <= 18) {
            return Long.parseLong(number);
        }
        return new BigDecimal(number);
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected '" + text.charAt(at) + "'");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error(at < text.length() ? "expected '" + c + "' but found '" + text.charAt(at) + "'"
                    : "expected '" + c + "' but the text ended");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private JsonException error(String message) {
        int column = at - text.lastIndexOf('\n', Math.max(0, at - 1));
        return new JsonException(line, "JSON line " + line + " column " + column + ": " + message);
    }
}
