package io.fileintegrity.provider.aide.report;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a report goes while it is rendered. Each {@link #print} is one {@code report_printf} call of
 * AIDE 0.18 ({@code report_plain.c}, {@code report_json.c}): files and streams concatenate the pieces,
 * syslog sends each piece as one message, as AIDE's {@code vsyslog} does.
 */
@FunctionalInterface
public interface ReportSink {
    /** Appends one piece of report text (a byte string: one char per byte). */
    void print(String piece) throws IOException;

    /** A rendering into a sink. */
    @FunctionalInterface
    interface Rendering {
        void to(ReportSink sink) throws IOException;
    }

    /** The whole text of a rendering, as one string (small runs and tests; large reports go to a sink). */
    static String text(Rendering rendering) {
        StringBuilder b = new StringBuilder(4096);
        try {
            rendering.to(b::append);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // appending to a StringBuilder does not fail
        }
        return b.toString();
    }
}
