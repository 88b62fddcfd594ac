package io.fileintegrity.provider.aide.report;

import java.io.IOException;

/**
 * Where a report goes while it is rendered. Each {@link #print} is one {@code report_printf} call of
 * AIDE 0.18 ({@code report_plain.c}, {@code report_json.c}): files and streams concatenate the pieces,
 * syslog sends each piece as one message, as AIDE's {@code vsyslog} does.
 */
@FunctionalInterface
public interface ReportSink {
    /** Appends one piece of report text (a byte string: one char per byte). */
    void print(String piece) throws IOException;
}
