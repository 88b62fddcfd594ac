package io.fileintegrity.reporting.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value (RFC 8259) into maps, lists, strings, {@link Long} or {@link Double} numbers,
 * booleans and {@code null}. Small on purpose: it reads what the JSON renderer writes back and the
 * output of {@code kubectl -o json}.
 */
public final class JsonParser {

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold exactly one value (surrounding whitespace allowed). */
    public static Object parse(String text) throws JsonSyntaxException {
        JsonParser parser = new JsonParser(text);
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() throws JsonSyntaxException {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() throws JsonSyntaxException {
        Map<String, Object> result = new LinkedHashMap<>();
        pos++;
        if (peekAfterWhitespace() == '}') {
            pos++;
            return result;
        }
        while (true) {
            if (peekAfterWhitespace() != '"') {
                throw error("expected a quoted member name");
            }
            String name = string();
            expect(':');
            result.put(name, value());
            char next = peekAfterWhitespace();
            pos++;
            if (next == '}') {
                return result;
            }
            if (next != ',') {
                throw errorAt(pos - 1, "expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() throws JsonSyntaxException {
        List<Object> result = new ArrayList<>();
        pos++;
        if (peekAfterWhitespace() == ']') {
            pos++;
            return result;
        }
        while (true) {
            result.add(value());
            char next = peekAfterWhitespace();
            pos++;
            if (next == ']') {
                return result;
            }
            if (next != ',') {
                throw errorAt(pos - 1, "expected ',' or ']' in an array");
            }
        }
    }

    private String string() throws JsonSyntaxException {
        StringBuilder out = new StringBuilder();
        int start = pos++;
        while (pos < text.length()) {
            int run = pos;
            while (run < text.length() && text.charAt(run) != '"' && text.charAt(run) != '\\'
                    && text.charAt(run) >= 0x20) {
                run++;
            }
            out.append(text, pos, run);
            pos = run;
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                out.append(escape());
            } else {
                throw errorAt(pos - 1, "control character in a string");
            }
        }
        throw errorAt(start, "string is not closed");
    }

    private char escape() throws JsonSyntaxException {
        if (pos >= text.length()) {
            throw error("unexpected end of input in an escape");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> unicodeEscape();
            default -> throw errorAt(pos - 1, "invalid escape '\\" + c + "'");
        };
    }

    private char unicodeEscape() throws JsonSyntaxException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Object number() throws JsonSyntaxException {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.isEmpty()) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        try {
            boolean integral = token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0;
            return integral ? (Object) Long.parseLong(token) : (Object) Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw errorAt(start, "invalid number '" + token + "'");
        }
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsonSyntaxException {
        if (peekAfterWhitespace() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peekAfterWhitespace() throws JsonSyntaxException {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private JsonSyntaxException error(String problem) {
        return errorAt(pos, problem);
    }

    private JsonSyntaxException errorAt(int offset, String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonSyntaxException("line " + line + ", column " + column + ": " + problem);
    }
}
