package io.fileintegrity.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes metric families in the Prometheus text format. Implemented by the reporting bundle. Label values
 * are escaped by the writer; callers keep label sets bounded (no paths, no raw error text).
 */
@ProviderType
public interface MetricsWriter {

    /** The kinds of metric the text format knows. */
    enum Type { COUNTER, GAUGE }

    /** Starts a family: writes its {@code # HELP} and {@code # TYPE} lines once per scrape. */
    MetricsWriter family(String name, Type type, String help);

    /** One sample of the current family. */
    MetricsWriter sample(Map<String, String> labels, double value);

    /** One sample without labels. */
    default MetricsWriter sample(double value) {
        return sample(Map.of(), value);
    }
}
