package io.fileintegrity.reporting.configmap;

import java.util.List;

/**
 * Reads one YAML scalar value that starts on {@code keyLine}, following YAML 1.2's folding rules for
 * the styles go-yaml (and so kubectl) emits. After reading, {@link #nextLine()} is the first line after
 * the scalar.
 */
final class ScalarReader {

    private final List<String> lines;
    private final int keyLine;
    private final int parentIndent;
    private int next;

    ScalarReader(List<String> lines, int keyLine, int parentIndent) {
        this.lines = lines;
        this.keyLine = keyLine;
        this.parentIndent = parentIndent;
        this.next = keyLine + 1;
    }

    int nextLine() {
        return next;
    }

    /** A plain scalar; continuation lines (more indented) fold into spaces, empty lines into newlines. */
    String plain(String first) {
        StringBuilder out = new StringBuilder(stripComment(first));
        int pendingNewlines = 0;
        while (next < lines.size()) {
            String line = lines.get(next);
            if (line.isBlank()) {
                pendingNewlines++;
            } else if (KubectlYamlReader.indentOf(line) > parentIndent && !line.strip().startsWith("#")) {
                out.append(pendingNewlines > 0 ? "\n".repeat(pendingNewlines) : " ").append(stripComment(line.strip()));
                pendingNewlines = 0;
            } else {
                break;
            }
            next++;
        }
        next -= pendingNewlines;
        return out.toString();
    }

    /** A literal ({@code |}) or folded ({@code >}) block scalar with optional chomping and indentation. */
    String block(String header) throws ManifestSyntaxException {
        BlockHeader spec = BlockHeader.parse(header, keyLine);
        int contentIndent = spec.indentation() > 0 ? parentIndent + spec.indentation() : detectIndent();
        StringBuilder out = new StringBuilder();
        int trailingBlank = 0;
        boolean previousFoldable = false;
        boolean started = false;
        while (next < lines.size()) {
            String line = lines.get(next);
            if (line.isBlank()) {
                trailingBlank++;
                next++;
                continue;
            }
            if (KubectlYamlReader.indentOf(line) < contentIndent) {
                break;
            }
            String content = line.substring(contentIndent);
            boolean foldable = spec.folded() && !content.startsWith(" ") && !content.startsWith("\t");
            if (started) {
                boolean fold = foldable && previousFoldable && trailingBlank == 0;
                out.append(fold ? " " : "\n".repeat(trailingBlank + (foldable && previousFoldable ? 0 : 1)));
            } else {
                out.append("\n".repeat(trailingBlank));
            }
            started = true;
            out.append(content);
            previousFoldable = foldable;
            trailingBlank = 0;
            next++;
        }
        return chomp(spec.chomping(), started ? out.toString() : null, trailingBlank);
    }

    /** Applies a block scalar's chomping indicator; {@code content} is null when there was none. */
    private static String chomp(char chomping, String content, int trailingBlank) {
        return switch (chomping) {
            case '-' -> content == null ? "" : content;
            case '+' -> (content == null ? "" : content + "\n") + "\n".repeat(trailingBlank);
            default -> content == null ? "" : content + "\n";
        };
    }

    /** A double-quoted scalar with escapes, possibly folded over several lines. */
    String doubleQuoted(String first) throws ManifestSyntaxException {
        return new QuotedScalar(lines, keyLine, true).read(first.substring(1), this::setNext);
    }

    /** A single-quoted scalar ({@code ''} is a quote), possibly folded over several lines. */
    String singleQuoted(String first) throws ManifestSyntaxException {
        return new QuotedScalar(lines, keyLine, false).read(first.substring(1), this::setNext);
    }

    private void setNext(int line) {
        this.next = line;
    }

    private int detectIndent() throws ManifestSyntaxException {
        for (int i = next; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                int indent = KubectlYamlReader.indentOf(lines.get(i));
                return indent > parentIndent ? indent : Integer.MAX_VALUE;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String stripComment(String text) {
        int comment = text.indexOf(" #");
        return (comment >= 0 ? text.substring(0, comment) : text).strip();
    }

    /** The indicators after {@code |} or {@code >}. */
    private record BlockHeader(boolean folded, char chomping, int indentation) {

        static BlockHeader parse(String header, int keyLine) throws ManifestSyntaxException {
            String indicators = stripComment(header).substring(1);
            char chomping = ' ';
            int indentation = 0;
            for (char c : indicators.toCharArray()) {
                if ((c == '-' || c == '+') && chomping == ' ') {
                    chomping = c;
                } else if (c >= '1' && c <= '9' && indentation == 0) {
                    indentation = c - '0';
                } else {
                    throw new ManifestSyntaxException("line " + (keyLine + 1)
                            + ": invalid block scalar header '" + header + "'");
                }
            }
            return new BlockHeader(header.charAt(0) == '>', chomping, indentation);
        }
    }
}
