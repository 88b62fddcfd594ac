package io.fileintegrity.reporting.metrics;

import io.fileintegrity.api.metrics.MetricsSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered {@link MetricsSource}s, grouped by their endpoint property. Thread-safe: sources come
 * and go on DS threads while scrapes run on HTTP threads.
 */
public final class MetricsSources {

    private final Map<MetricsSource, String> endpoints = new ConcurrentHashMap<>();

    /** Adds a source with its service properties. */
    public void add(MetricsSource source, Map<String, ?> properties) {
        endpoints.put(source, endpointOf(properties.get(MetricsSource.ENDPOINT_PROPERTY)));
    }

    /** Removes a source. */
    public void remove(MetricsSource source) {
        endpoints.remove(source);
    }

    /** Whether any source serves {@code endpoint}. */
    public boolean serves(String endpoint) {
        return endpoints.containsValue(endpoint);
    }

    /**
     * The exposition text of all sources of {@code endpoint}, or empty if none serves it. A source
     * that throws is left out and named in a comment line; the others are still served.
     */
    public Optional<String> scrape(String endpoint) {
        if (!serves(endpoint)) {
            return Optional.empty();
        }
        PrometheusTextWriter all = new PrometheusTextWriter();
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<MetricsSource, String> entry : endpoints.entrySet()) {
            if (!entry.getValue().equals(endpoint)) {
                continue;
            }
            PrometheusTextWriter one = new PrometheusTextWriter();
            try {
                entry.getKey().collect(one);
                all.addAll(one);
            } catch (RuntimeException e) {
                problems.append("# source ").append(entry.getKey().getClass().getName()).append(" failed: ")
                        .append(String.valueOf(e.getMessage()).replace('\n', ' ')).append('\n');
            }
        }
        return Optional.of(problems + all.text());
    }

    /** The endpoint a property value names: without leading slashes; the default when absent. */
    static String endpointOf(Object property) {
        String value = property == null ? "" : String.valueOf(property).strip();
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        return value.isEmpty() ? MetricsSource.DEFAULT_ENDPOINT : value;
    }
}
