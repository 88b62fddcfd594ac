package io.fileintegrity.reporting.metrics;

import io.fileintegrity.api.metrics.MetricsWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Collects metric families and prints them in the Prometheus text exposition format 0.0.4. Samples of
 * one family stay together even when several sources add to it, as the format requires; the HELP and
 * TYPE lines are printed once. Not thread-safe: one instance per scrape (or per source).
 */
public final class PrometheusTextWriter implements MetricsWriter {

    /** The media type of {@link #text()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family> families = new LinkedHashMap<>();
    private Family current;

    /** One family: its type, help and sample lines so far. */
    private record Family(String name, Type type, String help, StringBuilder samples) {
    }

    @Override
    public MetricsWriter family(String name, Type type, String help) {
        if (!METRIC_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("invalid metric name '" + name + "'");
        }
        Family existing = families.get(name);
        if (existing != null && existing.type() != type) {
            throw new IllegalArgumentException("metric '" + name + "' is already a " + existing.type());
        }
        current = existing != null ? existing : new Family(name, type, help, new StringBuilder());
        families.putIfAbsent(name, current);
        return this;
    }

    @Override
    public MetricsWriter sample(Map<String, String> labels, double value) {
        if (current == null) {
            throw new IllegalStateException("sample() before family()");
        }
        StringBuilder line = current.samples().append(current.name());
        if (!labels.isEmpty()) {
            line.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                if (!LABEL_NAME.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
                    throw new IllegalArgumentException("invalid label name '" + label.getKey() + "'");
                }
                line.append(first ? "" : ",").append(label.getKey()).append("=\"")
                        .append(escapeLabelValue(label.getValue())).append('"');
                first = false;
            }
            line.append('}');
        }
        line.append(' ').append(formatValue(value)).append('\n');
        return this;
    }

    /** Adds everything {@code other} collected; a family of a conflicting type is rejected whole. */
    public void addAll(PrometheusTextWriter other) {
        for (Family family : other.families.values()) {
            Family mine = families.get(family.name());
            if (mine == null) {
                families.put(family.name(), new Family(family.name(), family.type(), family.help(),
                        new StringBuilder(family.samples())));
            } else if (mine.type() == family.type()) {
                mine.samples().append(family.samples());
            } else {
                throw new IllegalArgumentException("metric '" + family.name() + "' is already a " + mine.type());
            }
        }
    }

    /** The exposition text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Family family : families.values()) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ')
                    .append(family.type().name().toLowerCase(Locale.ROOT)).append('\n');
            out.append(family.samples());
        }
        return out.toString();
    }

    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        // Plain decimal digits (1795607922.602, not 1.795607922602E9) read better and parse everywhere.
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
