package io.fileintegrity.reporting.render;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a document written by {@link JsonReportRenderer} back into a {@link ScanResult}. */
public final class ScanResultJsonReader {

    /**
     * Parses a stored result.
     *
     * @throws JsonSyntaxException naming the line and column, or the field, and the problem
     */
    public ScanResult read(String json) throws JsonSyntaxException {
        Fields root = new Fields("", asObject("(document)", JsonParser.parse(json)));
        long version = root.number("schemaVersion");
        if (version != ResultJsonFields.SCHEMA_VERSION) {
            throw new JsonSyntaxException("field 'schemaVersion': version " + version
                    + " is not supported (this reader knows " + ResultJsonFields.SCHEMA_VERSION + ")");
        }
        ScanResult.Builder builder = ScanResult.builder(root.text("provider"),
                        root.constant("mode", ScanMode.class))
                .outcome(root.constant("outcome", Outcome.class))
                .started(root.instant("started"))
                .duration(Duration.ofMillis(root.number("durationMillis")))
                .counts(counts(root.object("counts")))
                .statistics(statistics(root.object("statistics")))
                .changes(changes(root), root.bool("changesTruncated"))
                .report(root.text("report"));
        if (root.constant("outcome", Outcome.class) == Outcome.ERRORED) {
            String message = root.text("errorMessage");
            if (message.isEmpty()) {
                throw new JsonSyntaxException("field 'errorMessage': an errored result needs a message");
            }
            builder.errored(message);
        }
        Fields details = root.object("details");
        for (String key : details.values.keySet()) {
            builder.detail(key, details.text(key));
        }
        return builder.build();
    }

    private static ChangeCounts counts(Fields counts) throws JsonSyntaxException {
        try {
            return new ChangeCounts(counts.number("added"), counts.number("changed"), counts.number("removed"));
        } catch (IllegalArgumentException e) {
            throw new JsonSyntaxException("field 'counts': " + e.getMessage());
        }
    }

    private static ScanStatistics statistics(Fields statistics) throws JsonSyntaxException {
        Fields reasons = statistics.object("skippedByReason");
        Map<String, Long> skipped = new LinkedHashMap<>();
        for (String reason : reasons.values.keySet()) {
            skipped.put(reason, reasons.number(reason));
        }
        return new ScanStatistics(statistics.number("filesScanned"), statistics.number("bytesHashed"), skipped,
                statistics.number("pageCacheDroppedBytes"));
    }

    private static List<FileChange> changes(Fields root) throws JsonSyntaxException {
        List<Object> items = root.array("changes");
        List<FileChange> changes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Fields change = new Fields("changes[" + i + "].", asObject("changes[" + i + "]", items.get(i)));
            List<Object> attributeItems = change.array("attributes");
            List<AttributeChange> attributes = new ArrayList<>(attributeItems.size());
            for (int a = 0; a < attributeItems.size(); a++) {
                String where = "changes[" + i + "].attributes[" + a + "]";
                Fields attribute = new Fields(where + ".", asObject(where, attributeItems.get(a)));
                attributes.add(new AttributeChange(attribute.text("attribute"), attribute.text("old"),
                        attribute.text("new")));
            }
            changes.add(new FileChange(change.text("path"), change.constant("kind", ChangeKind.class), attributes,
                    change.text("reason")));
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(String where, Object value) throws JsonSyntaxException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new JsonSyntaxException("field '" + where + "': expected an object");
    }

    /** Typed access to the members of one object, with errors that name the field. */
    private record Fields(String prefix, Map<String, Object> values) {

        Object required(String name) throws JsonSyntaxException {
            if (!values.containsKey(name) || values.get(name) == null) {
                throw new JsonSyntaxException("field '" + prefix + name + "' is missing");
            }
            return values.get(name);
        }

        String text(String name) throws JsonSyntaxException {
            if (required(name) instanceof String s) {
                return s;
            }
            throw new JsonSyntaxException("field '" + prefix + name + "': expected a string");
        }

        long number(String name) throws JsonSyntaxException {
            if (required(name) instanceof Long n && n >= 0) {
                return n;
            }
            throw new JsonSyntaxException("field '" + prefix + name + "': expected a whole number >= 0");
        }

        boolean bool(String name) throws JsonSyntaxException {
            if (required(name) instanceof Boolean b) {
                return b;
            }
            throw new JsonSyntaxException("field '" + prefix + name + "': expected true or false");
        }

        Fields object(String name) throws JsonSyntaxException {
            return new Fields(prefix + name + ".", asObject(prefix + name, required(name)));
        }

        @SuppressWarnings("unchecked")
        List<Object> array(String name) throws JsonSyntaxException {
            if (required(name) instanceof List<?> list) {
                return (List<Object>) list;
            }
            throw new JsonSyntaxException("field '" + prefix + name + "': expected an array");
        }

        Instant instant(String name) throws JsonSyntaxException {
            try {
                return Instant.parse(text(name));
            } catch (DateTimeParseException e) {
                throw new JsonSyntaxException("field '" + prefix + name + "': not an ISO-8601 instant");
            }
        }

        <E extends Enum<E>> E constant(String name, Class<E> type) throws JsonSyntaxException {
            String value = text(name);
            for (E candidate : type.getEnumConstants()) {
                if (candidate.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return candidate;
                }
            }
            throw new JsonSyntaxException("field '" + prefix + name + "': unknown value '" + value + "'");
        }
    }
}
