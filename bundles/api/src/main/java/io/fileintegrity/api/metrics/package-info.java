/**
 * Prometheus metrics from any bundle. A bundle registers a {@link io.fileintegrity.api.metrics.MetricsSource}
 * service; the reporting bundle serves all sources in the Prometheus text format.
 */
@Export
@Version("1.0.0")
package io.fileintegrity.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
