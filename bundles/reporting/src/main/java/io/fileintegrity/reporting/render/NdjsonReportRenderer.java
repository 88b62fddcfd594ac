package io.fileintegrity.reporting.render;

import static io.fileintegrity.reporting.render.ResultJsonFields.member;

import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Renders a result as newline-delimited JSON for SIEM pipelines: one {@code "event":"change"} line per
 * listed change, then one {@code "event":"summary"} line. Every line carries provider, mode and start
 * time so lines can be correlated after they are split up. The summary says how many changes were
 * listed and whether the list was truncated (the counts always cover all changes).
 */
public final class NdjsonReportRenderer {

    /** Writes {@code result.changes().size() + 1} lines. */
    public void render(ScanResult result, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        String correlation = correlation(result);
        for (FileChange change : result.changes()) {
            line.setLength(0);
            line.append('{');
            member(line, "event").append("\"change\",").append(correlation);
            ResultJsonFields.appendChangeMembers(line, change);
            line.append("}\n");
            out.append(line);
        }
        line.setLength(0);
        line.append('{');
        member(line, "event").append("\"summary\",");
        member(line, "schemaVersion").append(ResultJsonFields.SCHEMA_VERSION).append(',');
        ResultJsonFields.appendHeader(line, result);
        line.append(',');
        ResultJsonFields.appendCounts(line, result.counts());
        line.append(',');
        ResultJsonFields.appendStatistics(line, result.statistics());
        line.append(',');
        ResultJsonFields.appendDetails(line, result.details());
        line.append(',');
        member(line, "changesListed").append(result.changes().size()).append(',');
        member(line, "changesTruncated").append(result.changesTruncated());
        line.append("}\n");
        out.append(line);
        out.flush();
    }

    private static String correlation(ScanResult result) {
        StringBuilder out = new StringBuilder();
        member(out, "provider").append(JsonText.quote(result.provider())).append(',');
        member(out, "mode").append(JsonText.quote(ResultJsonFields.spelling(result.mode()))).append(',');
        member(out, "started").append(JsonText.quote(result.started().toString())).append(',');
        return out.toString();
    }
}
