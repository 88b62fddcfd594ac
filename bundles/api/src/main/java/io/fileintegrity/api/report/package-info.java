/**
 * Rendering scan results for people and machines, and packing logs into ConfigMaps as FIO does.
 * Implemented by the reporting bundle as the {@link io.fileintegrity.api.report.ReportService} service.
 */
@Export
@Version("1.0.0")
package io.fileintegrity.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
