package io.fileintegrity.reporting.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text format 0.0.4 for tests: HELP/TYPE at most once per family and
 * before its samples, a family's lines contiguous, label values with only the three legal escapes.
 */
final class PrometheusTextParser {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    final Map<String, String> types = new HashMap<>();
    final Map<String, String> help = new HashMap<>();
    final List<Sample> samples = new ArrayList<>();
    private final Set<String> closedFamilies = new HashSet<>();
    private String currentFamily;

    static PrometheusTextParser parse(String text) {
        PrometheusTextParser parser = new PrometheusTextParser();
        String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("the text must end with a newline");
        }
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                parser.line(lines[i]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " '" + lines[i] + "': " + e.getMessage(), e);
            }
        }
        return parser;
    }

    /** The value of the one sample with {@code name} and exactly {@code labels}. */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in " + samples)).value();
    }

    private void line(String line) {
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            String[] parts = line.substring(7).split(" ", 2);
            enterFamily(parts[0]);
            Map<String, String> target = line.startsWith("# HELP ") ? help : types;
            if (target.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                throw new IllegalArgumentException("second HELP or TYPE for " + parts[0]);
            }
            if (target == types && !List.of("counter", "gauge", "untyped", "summary", "histogram").contains(parts[1])) {
                throw new IllegalArgumentException("unknown type " + parts[1]);
            }
            return;
        }
        if (line.startsWith("#") || line.isEmpty()) {
            return;
        }
        sample(line);
    }

    private void sample(String line) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw new IllegalArgumentException("no metric name");
        }
        String metric = name.group();
        if (!types.containsKey(metric)) {
            throw new IllegalArgumentException("sample before TYPE of " + metric);
        }
        enterFamily(metric);
        int at = metric.length();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
        }
        if (line.charAt(at) != ' ') {
            throw new IllegalArgumentException("expected a space before the value");
        }
        String[] rest = line.substring(at + 1).split(" ");
        samples.add(new Sample(metric, labels, parseValue(rest[0])));
    }

    private static int labels(String line, int at, Map<String, String> labels) {
        while (line.charAt(at) != '}') {
            Matcher label = LABEL_NAME.matcher(line).region(at, line.length());
            if (!label.lookingAt() || line.charAt(label.end()) != '=' || line.charAt(label.end() + 1) != '"') {
                throw new IllegalArgumentException("bad label at column " + at);
            }
            StringBuilder value = new StringBuilder();
            int i = label.end() + 2;
            for (; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char e = line.charAt(++i);
                    value.append(switch (e) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case 'n' -> '\n';
                        default -> throw new IllegalArgumentException("illegal escape \\" + e);
                    });
                } else {
                    value.append(c);
                }
            }
            if (labels.put(label.group(), value.toString()) != null) {
                throw new IllegalArgumentException("duplicate label " + label.group());
            }
            at = i + 1;
            if (line.charAt(at) == ',') {
                at++;
            }
        }
        return at + 1;
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private void enterFamily(String family) {
        if (family.equals(currentFamily)) {
            return;
        }
        if (closedFamilies.contains(family)) {
            throw new IllegalArgumentException("lines of family " + family + " are not contiguous");
        }
        if (currentFamily != null) {
            closedFamilies.add(currentFamily);
        }
        currentFamily = family;
    }
}
