/**
 * What the runtime monitors, for views such as the Web Console plugin and the metrics endpoint.
 *
 * <p>The scan loop (standalone mode and node agents) and the operator register one {@link
 * io.fileintegrity.api.monitor.MonitoredTarget} service per thing they watch: the local machine, or a
 * FileIntegrity object's node. Views consume them with a dynamic multiple reference.
 */
@Export
@Version("1.0.0")
package io.fileintegrity.api.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
