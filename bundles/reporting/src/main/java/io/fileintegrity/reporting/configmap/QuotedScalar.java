package io.fileintegrity.reporting.configmap;

import java.util.List;
import java.util.function.IntConsumer;

/** Reads a single- or double-quoted YAML scalar with flow folding across lines. */
final class QuotedScalar {

    private final List<String> lines;
    private final int startLine;
    private final boolean escapes;
    private final StringBuilder out = new StringBuilder();
    /** Length of {@code out} that folding must not trim (escaped characters are content). */
    private int protectedLength;

    QuotedScalar(List<String> lines, int startLine, boolean escapes) {
        this.lines = lines;
        this.startLine = startLine;
        this.escapes = escapes;
    }

    /** Reads from {@code segment} (the text after the opening quote); reports the line after the scalar. */
    String read(String segment, IntConsumer nextLine) throws ManifestSyntaxException {
        int line = startLine;
        String rest = segment;
        while (true) {
            LineEnd end = scan(rest, line);
            if (end == LineEnd.CLOSED) {
                nextLine.accept(line + 1);
                return out.toString();
            }
            if (end == LineEnd.FOLD) {
                trimTrailing();
            }
            int empty = 0;
            line++;
            while (line < lines.size() && lines.get(line).isBlank()) {
                empty++;
                line++;
            }
            if (line >= lines.size()) {
                throw new ManifestSyntaxException("line " + (startLine + 1) + ": quoted value is not closed");
            }
            if (empty > 0) {
                out.append("\n".repeat(empty));
            } else if (end == LineEnd.FOLD) {
                out.append(' ');
            }
            protectedLength = out.length();
            rest = lines.get(line).stripLeading();
        }
    }

    private enum LineEnd { CLOSED, FOLD, ESCAPED_BREAK }

    private LineEnd scan(String text, int line) throws ManifestSyntaxException {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!escapes && c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    protectedLength = out.length();
                    i += 2;
                    continue;
                }
                return LineEnd.CLOSED;
            }
            if (escapes && c == '"') {
                return LineEnd.CLOSED;
            }
            if (escapes && c == '\\') {
                if (i + 1 == text.length()) {
                    return LineEnd.ESCAPED_BREAK;
                }
                i = escape(text, i + 1, line);
                protectedLength = out.length();
                continue;
            }
            out.append(c);
            i++;
        }
        return LineEnd.FOLD;
    }

    /** Appends the escape starting at {@code at} (after the backslash); returns the index after it. */
    private int escape(String text, int at, int line) throws ManifestSyntaxException {
        char c = text.charAt(at);
        String simple = switch (c) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't', '\t' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000b";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001b";
            case ' ' -> " ";
            case '"' -> "\"";
            case '/' -> "/";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00a0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> null;
        };
        if (simple != null) {
            out.append(simple);
            return at + 1;
        }
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : -1;
        if (digits < 0 || at + 1 + digits > text.length()) {
            throw new ManifestSyntaxException("line " + (line + 1) + ": invalid escape '\\" + c + "'");
        }
        try {
            out.appendCodePoint(Integer.parseInt(text.substring(at + 1, at + 1 + digits), 16));
        } catch (IllegalArgumentException e) {
            throw new ManifestSyntaxException("line " + (line + 1) + ": invalid escape '\\" + c + "'");
        }
        return at + 1 + digits;
    }

    private void trimTrailing() {
        int end = out.length();
        while (end > protectedLength && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
    }
}
