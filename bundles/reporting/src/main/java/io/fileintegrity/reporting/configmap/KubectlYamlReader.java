package io.fileintegrity.reporting.configmap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML that {@code kubectl get configmap NAME -o yaml} prints: nested block mappings whose
 * leaves are plain, single-quoted, double-quoted (go-yaml uses this for logs with tabs, folded at about
 * 80 columns) or block scalars ({@code |}, {@code >} with chomping and indentation indicators).
 * Sequences, anchors and flow collections other than {@code {}} and {@code []} are not needed for a
 * ConfigMap and are skipped (sequences) or reported (the rest) with their line number.
 */
public final class KubectlYamlReader {

    private final List<String> lines;
    private int index;

    private KubectlYamlReader(String text) {
        this.lines = text.replace("\r\n", "\n").lines().toList();
    }

    /** The document's top-level mapping; values are nested maps or strings. */
    public static Map<String, Object> read(String text) throws ManifestSyntaxException {
        KubectlYamlReader reader = new KubectlYamlReader(text);
        reader.skipIgnorable();
        if (reader.index >= reader.lines.size()) {
            throw new ManifestSyntaxException("the document is empty");
        }
        Map<String, Object> root = reader.mapping(indentOf(reader.current()));
        reader.skipIgnorable();
        if (reader.index < reader.lines.size()) {
            throw reader.error("unexpected indentation");
        }
        return root;
    }

    private Map<String, Object> mapping(int indent) throws ManifestSyntaxException {
        Map<String, Object> result = new LinkedHashMap<>();
        while (true) {
            skipIgnorable();
            if (index >= lines.size() || indentOf(current()) != indent || current().strip().startsWith("- ")) {
                return result;
            }
            String line = current().substring(indent);
            int colon = keyEnd(line);
            if (colon < 0) {
                throw error("expected 'key: value'");
            }
            String key = unquoteKey(line.substring(0, colon).strip());
            String rest = line.substring(colon + 1).strip();
            int keyLine = index++;
            result.put(key, value(indent, rest, keyLine));
        }
    }

    private Object value(int indent, String rest, int keyLine) throws ManifestSyntaxException {
        if (rest.isEmpty() || rest.startsWith("#")) {
            skipIgnorable();
            if (index < lines.size() && current().strip().startsWith("- ")
                    && indentOf(current()) >= indent) {
                skipSequence(indent);
                return List.of();
            }
            if (index < lines.size() && indentOf(current()) > indent) {
                return mapping(indentOf(current()));
            }
            return "";
        }
        if (rest.equals("{}")) {
            return Map.of();
        }
        if (rest.equals("[]")) {
            return List.of();
        }
        ScalarReader scalars = new ScalarReader(lines, keyLine, indent);
        String value = switch (rest.charAt(0)) {
            case '|', '>' -> scalars.block(rest);
            case '"' -> scalars.doubleQuoted(rest);
            case '\'' -> scalars.singleQuoted(rest);
            case '&', '*', '!', '[', '{' -> throw new ManifestSyntaxException("line " + (keyLine + 1)
                    + ": YAML anchors, tags and flow collections are not supported here");
            default -> scalars.plain(rest);
        };
        index = scalars.nextLine();
        return value;
    }

    private void skipSequence(int indent) {
        while (index < lines.size()) {
            String line = lines.get(index);
            boolean blank = line.isBlank();
            int lineIndent = indentOf(line);
            if (!blank && (lineIndent < indent || lineIndent == indent && !line.strip().startsWith("-"))) {
                return;
            }
            index++;
        }
    }

    private void skipIgnorable() {
        while (index < lines.size()) {
            String stripped = current().strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#") && !stripped.equals("---")) {
                return;
            }
            index++;
        }
    }

    /** The colon that ends the key: the first ': ' or a trailing ':' outside quotes. */
    private static int keyEnd(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = i == 0 ? c : 0;
            } else if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static String unquoteKey(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"")
                || key.startsWith("'") && key.endsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    private String current() {
        return lines.get(index);
    }

    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private ManifestSyntaxException error(String problem) {
        return new ManifestSyntaxException("line " + (index + 1) + ": " + problem);
    }
}
