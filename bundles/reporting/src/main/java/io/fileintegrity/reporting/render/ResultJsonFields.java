package io.fileintegrity.reporting.render;

import static io.fileintegrity.reporting.render.JsonText.appendQuoted;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON members shared by the JSON and NDJSON formats. Field names and value spellings are the
 * stable contract described by {@code schema/scan-result.schema.json}; change them only with a new
 * {@link #SCHEMA_VERSION}.
 */
final class ResultJsonFields {

    /** Version of the document layout, written as {@code schemaVersion}. */
    static final int SCHEMA_VERSION = 1;

    private ResultJsonFields() {
    }

    /** Lower-case spelling of an enum constant, as the documents use it. */
    static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Appends {@code "provider":…,"mode":…,"outcome":…,"started":…,"durationMillis":…,"errorMessage":…}. */
    static void appendHeader(StringBuilder out, ScanResult result) {
        member(out, "provider").append(JsonText.quote(result.provider())).append(',');
        member(out, "mode").append(JsonText.quote(spelling(result.mode()))).append(',');
        member(out, "outcome").append(JsonText.quote(spelling(result.outcome()))).append(',');
        member(out, "started").append(JsonText.quote(result.started().toString())).append(',');
        member(out, "durationMillis").append(result.duration().toMillis()).append(',');
        member(out, "errorMessage").append(JsonText.quote(result.errorMessage()));
    }

    /** Appends {@code "counts":{…}}. */
    static void appendCounts(StringBuilder out, ChangeCounts counts) {
        member(out, "counts").append('{');
        member(out, "added").append(counts.added()).append(',');
        member(out, "changed").append(counts.changed()).append(',');
        member(out, "removed").append(counts.removed()).append(',');
        member(out, "total").append(counts.total()).append('}');
    }

    /** Appends {@code "statistics":{…}} with the skip reasons sorted by name. */
    static void appendStatistics(StringBuilder out, ScanStatistics statistics) {
        member(out, "statistics").append('{');
        member(out, "filesScanned").append(statistics.filesScanned()).append(',');
        member(out, "bytesHashed").append(statistics.bytesHashed()).append(',');
        member(out, "filesSkipped").append(statistics.filesSkipped()).append(',');
        member(out, "skippedByReason").append('{');
        appendNumbers(out, new TreeMap<>(statistics.skippedByReason()));
        out.append("},");
        member(out, "pageCacheDroppedBytes").append(statistics.pageCacheDroppedBytes()).append('}');
    }

    /** Appends {@code "details":{…}} with the keys sorted. */
    static void appendDetails(StringBuilder out, Map<String, String> details) {
        member(out, "details").append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : new TreeMap<>(details).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            member(out, entry.getKey()).append(JsonText.quote(entry.getValue()));
        }
        out.append('}');
    }

    /** Appends the members of one change, without braces: path, kind, reason, attributes. */
    static void appendChangeMembers(StringBuilder out, FileChange change) {
        member(out, "path").append(JsonText.quote(change.path())).append(',');
        member(out, "kind").append(JsonText.quote(spelling(change.kind()))).append(',');
        member(out, "reason").append(JsonText.quote(change.reason())).append(',');
        member(out, "attributes").append('[');
        for (int i = 0; i < change.attributes().size(); i++) {
            AttributeChange attribute = change.attributes().get(i);
            out.append(i == 0 ? "{" : ",{");
            member(out, "attribute").append(JsonText.quote(attribute.attribute())).append(',');
            member(out, "old").append(JsonText.quote(attribute.oldValue())).append(',');
            member(out, "new").append(JsonText.quote(attribute.newValue())).append('}');
        }
        out.append(']');
    }

    /** Appends {@code "name":} and returns {@code out}. */
    static StringBuilder member(StringBuilder out, String name) {
        appendQuoted(out, name);
        return out.append(':');
    }

    private static void appendNumbers(StringBuilder out, Map<String, Long> values) {
        boolean first = true;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            member(out, entry.getKey()).append(entry.getValue());
        }
    }
}
