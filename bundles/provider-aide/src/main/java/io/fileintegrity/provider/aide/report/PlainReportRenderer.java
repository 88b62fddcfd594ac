package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.util.List;

/**
 * AIDE 0.18's plain report ({@code report_plain.c}), byte for byte apart from the version string.
 * Text is a byte string (one char per byte), so file names come out as they are on disk.
 */
public final class PlainReportRenderer {
    private static final String RULE = "---------------------------------------------------";
    private static final int LABEL = 10;
    private static final int COLUMN = 33;

    private PlainReportRenderer() {}

    public static String render(RunFacts facts, ReportSettings o, String version) {
        ReportSelection sel = ReportSelection.of(facts, o);
        StringBuilder b = new StringBuilder(4096);
        for (Difference d : sel.differentAttributes()) {
            b.append("Entry ").append(ReportText.escapePlain(d.old().name()))
                    .append(" in databases has different attributes: ")
                    .append(SummaryString.attributeDiff(d.old().attrs().minus(o.ignoreRemovedAttrs()),
                            d.current().attrs().minus(o.ignoreAddedAttrs())))
                    .append('\n');
        }
        boolean summary = o.level().atLeast(ReportLevel.SUMMARY);
        if (summary) {
            b.append("Start timestamp: ").append(ReportText.time(facts.startSeconds())).append(" (AIDE ")
                    .append(version).append(")\n");
        }
        b.append(ReportHeader.outline(facts.kind(), sel)).append('\n');
        if (summary) {
            if (facts.newDatabase() != null) {
                b.append("New AIDE database written to ").append(facts.newDatabase()).append('\n');
            }
            String options = ReportHeader.configOptions(facts, o);
            if (!options.isEmpty()) {
                b.append(options).append('\n');
            }
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            ReportHeader.reportOptions(o).forEach(line -> b.append(line).append('\n'));
        }
        if (summary) {
            appendSummary(b, facts, sel);
        }
        appendEntries(b, facts, sel, o);
        appendDatabases(b, facts, o);
        if (summary) {
            long run = facts.endSeconds() - facts.startSeconds();
            b.append("\n\nEnd timestamp: ").append(ReportText.time(facts.endSeconds())).append(" (run time: ")
                    .append(run / 60).append("m ").append(run % 60).append("s)\n");
        }
        return o.quiet() && !sel.anyDifference() ? "" : b.toString();
    }

    private static void appendSummary(StringBuilder b, RunFacts facts, ReportSelection sel) {
        if (facts.kind().compares() && sel.anyDifference()) {
            b.append("\nSummary:\n  Total number of entries:\t").append(facts.totalEntries())
                    .append("\n  Added entries:\t\t").append(sel.added().size())
                    .append("\n  Removed entries:\t\t").append(sel.removed().size())
                    .append("\n  Changed entries:\t\t").append(sel.changed().size());
        } else {
            b.append("\nNumber of entries:\t").append(facts.totalEntries());
        }
    }

    private static void appendEntries(StringBuilder b, RunFacts facts, ReportSelection sel, ReportSettings o) {
        if (!facts.kind().compares() && !o.detailedInit()) {
            return;
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            if (o.grouped()) {
                section(b, "Added entries", sel.added(), o);
                section(b, "Removed entries", sel.removed(), o);
                section(b, "Changed entries", sel.changed(), o);
            } else {
                section(b, ReportHeader.ungroupedTitle(sel), sel.listed(), o);
            }
        }
        boolean details = (!sel.changed().isEmpty() && o.level().atLeast(ReportLevel.CHANGED_ATTRIBUTES))
                || ((!sel.added().isEmpty() || !sel.removed().isEmpty())
                        && o.level().atLeast(ReportLevel.ADDED_REMOVED_ENTRIES));
        if (details) {
            heading(b, "Detailed information about changes");
            for (Difference d : sel.listed()) {
                appendDetails(b, d, o);
            }
        }
    }

    private static void section(StringBuilder b, String title, List<Difference> entries, ReportSettings o) {
        if (entries.isEmpty()) {
            return;
        }
        heading(b, title);
        for (Difference d : entries) {
            b.append('\n');
            if (o.summarizeChanges()) {
                b.append(SummaryString.of(d, o));
            } else {
                b.append(d.isAdded() ? "added" : d.isRemoved() ? "removed" : "changed");
            }
            b.append(": ").append(ReportText.escapePlain(d.name()));
        }
    }

    private static void heading(StringBuilder b, String title) {
        b.append("\n\n").append(RULE).append('\n').append(title).append(":\n").append(RULE).append('\n');
    }

    private static void appendDetails(StringBuilder b, Difference d, ReportSettings o) {
        AttributeSet shown;
        if (d.isAdded() || d.isRemoved()) {
            if (!o.level().atLeast(ReportLevel.ADDED_REMOVED_ENTRIES)) {
                return;
            }
            shown = d.isAdded() ? d.current().attrs().minus(o.ignoreAddedAttrs()) : d.old().attrs().minus(o.ignoreRemovedAttrs());
        } else {
            shown = ReportSelection.detailAttributes(d, o);
        }
        entryBlock(b, d.old(), d.current(), shown, o);
    }

    static void entryBlock(StringBuilder b, DbEntry old, DbEntry now, AttributeSet shown, ReportSettings o) {
        if (shown.isEmpty()) {
            return;
        }
        DbEntry e = now == null ? old : now;
        String word = FileTypes.word(e.perm());
        b.append('\n');
        if (word != null) {
            b.append(word).append(": ");
        }
        b.append(ReportText.escapePlain(e.name())).append('\n');
        for (Attribute a : ReportOrder.detailOrder(shown)) {
            attributeLines(b, a, AttributeValues.of(old, a, o), AttributeValues.of(now, a, o));
        }
    }

    /** One attribute as AIDE prints it: 32 characters per column and line (its odd wrap rule included). */
    private static void attributeLines(StringBuilder b, Attribute a, List<String> olds, List<String> news) {
        String label = a.reportLabel() == null ? a.name() : a.reportLabel();
        for (int i = 0; i < Math.max(olds.size(), news.size()); i++) {
            String ov = i < olds.size() ? ReportText.escapePlain(olds.get(i)) : null;
            String nv = i < news.size() ? ReportText.escapePlain(news.get(i)) : null;
            int olen = ov == null ? 0 : ov.length();
            int nlen = nv == null ? 0 : nv.length();
            for (int k = 0; olen - COLUMN * k >= 0 || nlen - COLUMN * k >= 0; k++) {
                int c = k * (COLUMN - 1);
                b.append(' ').append(pad(i + k == 0 ? label : "", LABEL)).append(i + k == 0 ? ':' : ' ').append(' ');
                if (olds.isEmpty()) {
                    b.append(" ".repeat(COLUMN)).append("  ").append(chunk(nv, c));
                } else if (news.isEmpty()) {
                    b.append(chunk(ov, c));
                } else {
                    b.append(pad(chunk(ov, c), COLUMN)).append("| ").append(chunk(nv, c));
                }
                b.append('\n');
            }
        }
    }

    private static String chunk(String v, int from) {
        if (v == null || v.length() - from <= 0) {
            return "";
        }
        return v.substring(from, Math.min(v.length(), from + COLUMN - 1));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static void appendDatabases(StringBuilder b, RunFacts facts, ReportSettings o) {
        if (!o.level().atLeast(ReportLevel.DATABASE_ATTRIBUTES) || facts.databases().isEmpty()) {
            return;
        }
        heading(b, "The attributes of the (uncompressed) database(s)");
        for (DatabaseDigest db : facts.databases()) {
            DbEntry e = ReportHeader.databaseEntry(db);
            entryBlock(b, e, null, e.attrs(), o);
        }
    }
}
