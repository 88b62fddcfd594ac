package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.report.ReportSink;
import java.io.Closeable;

/** An open {@code report_url}: report pieces go in, {@link #close} flushes and reports a failed write. */
interface ReportDestination extends ReportSink, Closeable {
}
