package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.report.ReportSink;

/**
 * The report text a result carries (shown in the console, stored by the agent): the whole report up to
 * a limit, then a line saying how much was cut and where the full report is. Counts the rest without
 * keeping it, so a huge report costs only the limit in memory.
 */
public final class BoundedReport implements ReportSink {
    /** The default limit: 1 MiB of report text. */
    public static final int DEFAULT_LIMIT = 1 << 20;

    private final int limit;
    private final StringBuilder text = new StringBuilder();
    private long total;

    public BoundedReport(int limit) {
        this.limit = limit;
    }

    @Override
    public void print(String piece) {
        total += piece.length();
        int room = limit - text.length();
        if (room > 0) {
            text.append(piece, 0, Math.min(room, piece.length()));
        }
    }

    /** Bytes of the whole report. */
    public long total() {
        return total;
    }

    /**
     * The text: everything if it fit, else the lines that fit whole and a truncation line.
     *
     * @param fullReport where the full report was written (e.g. {@code file:/var/log/aide.log}), or null
     */
    public String text(String fullReport) {
        if (total <= limit) {
            return text.toString();
        }
        int end = text.lastIndexOf("\n") + 1;
        long cut = total - end;
        return text.substring(0, end) + "[report truncated: " + cut + " of " + total + " bytes not shown ("
                + (cut * 100 / total) + "%); "
                + (fullReport == null ? "the full report was not written anywhere, configure report_url=file:... to keep it"
                        : "the full report was written to " + fullReport)
                + "]\n";
    }
}
