package io.fileintegrity.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes metric families to the runtime's Prometheus endpoints. Register as an OSGi service; the
 * service property {@value #ENDPOINT_PROPERTY} names the endpoint (default {@value #DEFAULT_ENDPOINT}).
 * Called on every scrape from the HTTP thread: write current values quickly, never block on I/O.
 */
@ConsumerType
public interface MetricsSource {

    /** Service property naming the endpoint path the source belongs to, e.g. {@code metrics-fio}. */
    String ENDPOINT_PROPERTY = "fio.metrics.endpoint";

    /** The endpoint of sources that do not say. */
    String DEFAULT_ENDPOINT = "metrics";

    /** Writes this source's families. */
    void collect(MetricsWriter writer);
}
