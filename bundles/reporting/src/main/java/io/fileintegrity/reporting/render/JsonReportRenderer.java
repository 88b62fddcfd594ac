package io.fileintegrity.reporting.render;

import static io.fileintegrity.reporting.render.ResultJsonFields.member;

import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Renders a result as one JSON document (schema {@code schema/scan-result.schema.json}). This document
 * is also the stored-result format that {@code fio report} and {@link ScanResultJsonReader} read back.
 * Changes are written in batches so 100k changes never sit in one string.
 */
public final class JsonReportRenderer {

    private static final int BATCH = 256;

    /** Writes {@code result} followed by a newline. */
    public void render(ScanResult result, Writer out) throws IOException {
        StringBuilder buffer = new StringBuilder(1024);
        buffer.append('{');
        member(buffer, "schemaVersion").append(ResultJsonFields.SCHEMA_VERSION).append(',');
        ResultJsonFields.appendHeader(buffer, result);
        buffer.append(',');
        ResultJsonFields.appendCounts(buffer, result.counts());
        buffer.append(',');
        ResultJsonFields.appendStatistics(buffer, result.statistics());
        buffer.append(',');
        ResultJsonFields.appendDetails(buffer, result.details());
        buffer.append(',');
        member(buffer, "changesListed").append(result.changes().size()).append(',');
        member(buffer, "changesTruncated").append(result.changesTruncated()).append(',');
        member(buffer, "changes").append('[');
        for (int i = 0; i < result.changes().size(); i++) {
            buffer.append(i == 0 ? "{" : ",{");
            ResultJsonFields.appendChangeMembers(buffer, result.changes().get(i));
            buffer.append('}');
            if (i % BATCH == BATCH - 1) {
                out.append(buffer);
                buffer.setLength(0);
            }
        }
        buffer.append("],");
        member(buffer, "report").append(JsonText.quote(result.report()));
        buffer.append("}\n");
        out.append(buffer);
        out.flush();
    }
}
