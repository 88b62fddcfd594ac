package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import io.fileintegrity.provider.aide.report.ReportSelection.Category;
import java.io.IOException;
import java.util.List;

/**
 * AIDE 0.18's plain report ({@code report_plain.c}), byte for byte apart from the version string.
 * Text is a byte string (one char per byte), so file names come out as they are on disk. The report
 * is streamed: counts first, then one pass over the differences per section; each
 * {@link ReportSink#print} is one of AIDE's {@code report_printf} calls.
 */
public final class PlainReportRenderer {
    private static final String RULE = "---------------------------------------------------";
    private static final int LABEL = 10;
    private static final int COLUMN = 33;

    private final RunFacts facts;
    private final ReportSettings o;
    private final ReportSink out;
    private final ReportSelection sel;

    private PlainReportRenderer(RunFacts facts, ReportSettings o, ReportSink out, ReportSelection sel) {
        this.facts = facts;
        this.o = o;
        this.out = out;
        this.sel = sel;
    }

    /** The whole report as one string (small runs and tests; large reports go to a sink). */
    public static String render(RunFacts facts, ReportSettings o, String version) {
        return ReportSink.text(sink -> render(facts, o, version, sink));
    }

    /** Streams the report to a sink. */
    public static void render(RunFacts facts, ReportSettings o, String version, ReportSink out) throws IOException {
        ReportSelection sel = ReportSelection.of(facts, o);
        if (o.quiet() && !sel.anyDifference()) {
            return;
        }
        new PlainReportRenderer(facts, o, out, sel).render(version);
    }

    private void render(String version) throws IOException {
        if (sel.differentAttributes() > 0) {
            differentAttributes();
        }
        boolean summary = o.level().atLeast(ReportLevel.SUMMARY);
        if (summary) {
            out.print("Start timestamp: " + ReportText.time(facts.startSeconds()) + " (AIDE " + version + ")\n");
        }
        out.print(ReportHeader.outline(facts.kind(), sel) + "\n");
        if (summary) {
            if (facts.newDatabase() != null) {
                out.print("New AIDE database written to " + facts.newDatabase() + "\n");
            }
            configOptions();
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            for (String line : ReportHeader.reportOptions(o)) {
                out.print(line + "\n");
            }
        }
        if (summary) {
            summary();
        }
        entries();
        databases();
        if (summary) {
            long run = facts.endSeconds() - facts.startSeconds();
            out.print("\n\nEnd timestamp: " + ReportText.time(facts.endSeconds()) + " (run time: " + run / 60 + "m "
                    + run % 60 + "s)\n");
        }
    }

    private void differentAttributes() throws IOException {
        facts.differences().forEach(d -> {
            if (ReportSelection.differentAttributes(d, o)) {
                out.print("Entry " + ReportText.escapePlain(d.old().name()) + " in databases has different attributes: "
                        + SummaryString.attributeDiff(d.old().attrs().minus(o.ignoreRemovedAttrs()),
                                d.current().attrs().minus(o.ignoreAddedAttrs()))
                        + "\n");
            }
        });
    }

    private void configOptions() throws IOException {
        boolean first = true;
        for (String[] v : ReportHeader.configValues(facts, o).values()) {
            if (!first) {
                out.print(" | ");
            }
            first = false;
            out.print(v[0] + ": " + ReportText.escapePlain(v[1]));
        }
        if (!first) {
            out.print("\n");
        }
    }

    private void summary() throws IOException {
        if (facts.kind().compares() && sel.anyDifference()) {
            out.print("\nSummary:\n  Total number of entries:\t" + facts.totalEntries() + "\n  Added entries:\t\t"
                    + sel.added() + "\n  Removed entries:\t\t" + sel.removed() + "\n  Changed entries:\t\t"
                    + sel.changed());
        } else {
            out.print("\nNumber of entries:\t" + facts.totalEntries());
        }
    }

    private void entries() throws IOException {
        if (!facts.kind().compares() && !o.detailedInit()) {
            return;
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            if (o.grouped()) {
                section("Added entries", Category.ADDED, sel.added());
                section("Removed entries", Category.REMOVED, sel.removed());
                section("Changed entries", Category.CHANGED, sel.changed());
            } else {
                section(ReportHeader.ungroupedTitle(sel), null, sel.added() + sel.removed() + sel.changed());
            }
        }
        if (sel.hasDetails(o)) {
            heading("Detailed information about changes");
            boolean countAdded = ReportSelection.countsAdded(facts, o);
            facts.differences().forEach(d -> {
                if (ReportSelection.category(d, countAdded, o) != Category.NONE) {
                    entryBlock(d.old(), d.current(), ReportSelection.shownInDetails(d, o));
                }
            });
        }
    }

    /** One list; {@code only} null lists every counted entry (ungrouped). */
    private void section(String title, Category only, long count) throws IOException {
        if (count == 0) {
            return;
        }
        heading(title);
        boolean countAdded = ReportSelection.countsAdded(facts, o);
        facts.differences().forEach(d -> {
            Category c = ReportSelection.category(d, countAdded, o);
            if (c != Category.NONE && (only == null || c == only)) {
                out.print("\n" + (o.summarizeChanges() ? SummaryString.of(d, o) : c.name().toLowerCase())
                        + ": " + ReportText.escapePlain(d.name()));
            }
        });
    }

    private void heading(String title) throws IOException {
        out.print("\n\n" + RULE + "\n" + title + ":\n" + RULE + "\n");
    }

    private void entryBlock(DbEntry old, DbEntry now, AttributeSet shown) throws IOException {
        if (shown.isEmpty()) {
            return;
        }
        DbEntry e = now == null ? old : now;
        String word = FileTypes.word(e.perm());
        out.print("\n");
        if (word != null) {
            out.print(word + ": ");
        }
        out.print(ReportText.escapePlain(e.name()) + "\n");
        for (Attribute a : ReportOrder.detailOrder(shown)) {
            attributeLines(a, AttributeValues.of(old, a, o), AttributeValues.of(now, a, o));
        }
    }

    /** One attribute as AIDE prints it: 32 characters per column and line (its odd wrap rule included). */
    private void attributeLines(Attribute a, List<String> olds, List<String> news) throws IOException {
        String label = a.reportLabel() == null ? a.name() : a.reportLabel();
        for (int i = 0; i < Math.max(olds.size(), news.size()); i++) {
            String ov = i < olds.size() ? ReportText.escapePlain(olds.get(i)) : null;
            String nv = i < news.size() ? ReportText.escapePlain(news.get(i)) : null;
            int olen = ov == null ? 0 : ov.length();
            int nlen = nv == null ? 0 : nv.length();
            for (int k = 0; olen - COLUMN * k >= 0 || nlen - COLUMN * k >= 0; k++) {
                int c = k * (COLUMN - 1);
                StringBuilder b = new StringBuilder(80).append(' ').append(pad(i + k == 0 ? label : "", LABEL))
                        .append(i + k == 0 ? ':' : ' ').append(' ');
                if (olds.isEmpty()) {
                    b.append(" ".repeat(COLUMN)).append("  ").append(chunk(nv, c));
                } else if (news.isEmpty()) {
                    b.append(chunk(ov, c));
                } else {
                    b.append(pad(chunk(ov, c), COLUMN)).append("| ").append(chunk(nv, c));
                }
                out.print(b.append('\n').toString());
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

    private void databases() throws IOException {
        if (!o.level().atLeast(ReportLevel.DATABASE_ATTRIBUTES) || facts.databases().isEmpty()) {
            return;
        }
        heading("The attributes of the (uncompressed) database(s)");
        for (DatabaseDigest db : facts.databases()) {
            DbEntry e = ReportHeader.databaseEntry(db);
            entryBlock(e, null, e.attrs());
        }
    }
}
