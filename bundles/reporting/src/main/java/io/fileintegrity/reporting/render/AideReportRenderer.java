package io.fileintegrity.reporting.render;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a result in AIDE 0.18's plain report layout ({@code report_summarize_changes=false},
 * {@code report_level=changed_attributes}). The {@code aide} provider's own report passes through
 * untouched. For other providers the outline sentences are AIDE's exactly, because log collectors
 * (FIO's among them) match on them and on the summary lines; the start line names the provider
 * instead of an AIDE version so nobody mistakes the text for AIDE's own.
 */
public final class AideReportRenderer {

    /** The provider whose native report is AIDE's own format. */
    public static final String AIDE_PROVIDER = "aide";

    private static final String RULE = "-".repeat(51);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
    private static final int VALUE_CHUNK = 32;

    private final ZoneId zone;

    /** A renderer printing times in {@code zone}, as AIDE prints them in the local time zone. */
    public AideReportRenderer(ZoneId zone) {
        this.zone = zone;
    }

    /** Writes the report for {@code result}. */
    public void render(ScanResult result, Writer out) throws IOException {
        if (AIDE_PROVIDER.equals(result.provider()) && !result.report().isEmpty()) {
            out.write(result.report());
        } else {
            out.write(reportText(result));
        }
        out.flush();
    }

    private String reportText(ScanResult result) {
        StringBuilder text = new StringBuilder(4096);
        text.append("Start timestamp: ").append(TIMESTAMP.format(result.started().atZone(zone)))
                .append(" (fio, provider ").append(result.provider()).append(")\n");
        text.append(outline(result)).append("\n\n");
        long entries = result.statistics().filesScanned();
        if (result.counts().total() == 0) {
            text.append("Number of entries:\t").append(entries).append('\n');
        } else {
            text.append("Summary:\n  Total number of entries:\t").append(entries)
                    .append("\n  Added entries:\t\t").append(result.counts().added())
                    .append("\n  Removed entries:\t\t").append(result.counts().removed())
                    .append("\n  Changed entries:\t\t").append(result.counts().changed()).append('\n');
            appendSection(text, "Added entries", result.changes(), ChangeKind.ADDED);
            appendSection(text, "Removed entries", result.changes(), ChangeKind.REMOVED);
            appendSection(text, "Changed entries", result.changes(), ChangeKind.CHANGED);
            appendDetails(text, result.changes());
            if (result.changesTruncated()) {
                text.append("\n(only the first ").append(result.changes().size()).append(" of ")
                        .append(result.counts().total()).append(" changes are listed)\n");
            }
        }
        text.append("\nEnd timestamp: ")
                .append(TIMESTAMP.format(result.started().plus(result.duration()).atZone(zone)))
                .append(" (run time: ").append(runTime(result.duration())).append(")\n");
        return text.toString();
    }

    private static String outline(ScanResult result) {
        if (result.outcome() == Outcome.ERRORED) {
            return "The scan could not be made: " + result.errorMessage();
        }
        if (result.mode() == ScanMode.INITIALIZE) {
            return "AIDE successfully initialized database.";
        }
        return result.counts().total() == 0
                ? "AIDE found NO differences between database and filesystem. Looks okay!!"
                : "AIDE found differences between database and filesystem!!";
    }

    private static void appendHeading(StringBuilder text, String title) {
        text.append('\n').append(RULE).append('\n').append(title).append(":\n").append(RULE).append("\n\n");
    }

    private static void appendSection(StringBuilder text, String title, List<FileChange> changes, ChangeKind kind) {
        if (changes.stream().noneMatch(change -> change.kind() == kind)) {
            return;
        }
        appendHeading(text, title);
        String word = kind.name().toLowerCase(Locale.ROOT);
        for (FileChange change : changes) {
            if (change.kind() == kind) {
                text.append(word).append(": ").append(change.path()).append('\n');
            }
        }
    }

    private static void appendDetails(StringBuilder text, List<FileChange> changes) {
        if (changes.stream().allMatch(change -> change.attributes().isEmpty())) {
            return;
        }
        appendHeading(text, "Detailed information about changes");
        for (FileChange change : changes) {
            if (change.attributes().isEmpty()) {
                continue;
            }
            text.append("File: ").append(change.path()).append('\n');
            for (AttributeChange attribute : change.attributes()) {
                appendAttribute(text, attribute);
            }
            text.append('\n');
        }
    }

    /** AIDE's layout: label padded to 10, old value in a 33-wide column, both cut into 32-char pieces. */
    private static void appendAttribute(StringBuilder text, AttributeChange attribute) {
        List<String> older = chunks(attribute.oldValue());
        List<String> newer = chunks(attribute.newValue());
        int lines = Math.max(older.size(), newer.size());
        for (int i = 0; i < lines; i++) {
            String left = i < older.size() ? older.get(i) : "";
            String right = i < newer.size() ? newer.get(i) : "";
            text.append(' ');
            if (i == 0) {
                padded(text, attribute.attribute(), 10).append(": ");
            } else {
                text.append(" ".repeat(12));
            }
            padded(text, left, 33).append("| ").append(right).append('\n');
        }
    }

    private static StringBuilder padded(StringBuilder text, String value, int width) {
        text.append(value);
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        return text;
    }

    private static List<String> chunks(String value) {
        if (value.isEmpty()) {
            return List.of("");
        }
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < value.length(); start += VALUE_CHUNK) {
            pieces.add(value.substring(start, Math.min(value.length(), start + VALUE_CHUNK)));
        }
        return pieces;
    }

    private static String runTime(Duration duration) {
        return duration.toMinutes() + "m " + duration.toSecondsPart() + "s";
    }
}
