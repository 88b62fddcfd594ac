package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.report.ReportSelection.Category;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * AIDE 0.18's JSON report ({@code report_json.c}), with its layout and its string escaping, streamed
 * to a {@link ReportSink} in AIDE's {@code report_printf} pieces.
 */
public final class JsonReportRenderer {
    private final RunFacts facts;
    private final ReportSettings o;
    private final ReportSink out;
    private final ReportSelection sel;
    private final JsonValues values;

    private JsonReportRenderer(RunFacts facts, ReportSettings o, ReportSink out, ReportSelection sel) {
        this.facts = facts;
        this.o = o;
        this.out = out;
        this.sel = sel;
        this.values = new JsonValues(out);
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
        new JsonReportRenderer(facts, o, out, sel).render(version);
    }

    private void render(String version) throws IOException {
        out.print("{\n");
        if (sel.differentAttributes() > 0) {
            differentAttributes();
        }
        boolean summary = o.level().atLeast(ReportLevel.SUMMARY);
        if (summary) {
            string("start_time", ReportText.time(facts.startSeconds()), true);
            string("aide_version", version, true);
        }
        string("outline", ReportHeader.outline(facts.kind(), sel), summary);
        if (summary) {
            if (facts.newDatabase() != null) {
                string("new_database", facts.newDatabase(), true);
            }
            stringsOf(ReportHeader.configValues(facts, o));
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            stringsOf(ReportHeader.reportValues(o));
        }
        if (summary) {
            numbers();
        }
        entries();
        databases();
        if (summary) {
            string("end_time", ReportText.time(facts.endSeconds()), true);
            out.print("  \"run_time_seconds\": " + (facts.endSeconds() - facts.startSeconds()) + "\n");
        }
        out.print("}\n");
    }

    private void string(String key, String value, boolean comma) throws IOException {
        out.print("  \"" + ReportText.escapeJson(key) + "\": \"" + ReportText.escapeJson(value) + (comma ? "\",\n" : "\"\n"));
    }

    private void stringsOf(Map<String, String[]> map) throws IOException {
        for (Map.Entry<String, String[]> e : map.entrySet()) {
            string(e.getKey(), e.getValue()[1], true);
        }
    }

    private void differentAttributes() throws IOException {
        out.print("  \"different_attributes\": {\n");
        long[] left = {sel.differentAttributes()};
        facts.differences().forEach(d -> {
            if (ReportSelection.differentAttributes(d, o)) {
                String diff = SummaryString.attributeDiff(d.old().attrs().minus(o.ignoreRemovedAttrs()),
                        d.current().attrs().minus(o.ignoreAddedAttrs()));
                out.print("    \"" + d.old().name() + "\": \"" + diff + (--left[0] > 0 ? "\",\n" : "\"\n"));
            }
        });
        out.print("  },\n");
    }

    private void numbers() throws IOException {
        out.print("  \"number_of_entries\": {\n");
        if (facts.kind().compares() && sel.anyDifference()) {
            out.print("    \"total\": " + facts.totalEntries() + ",\n");
            out.print("    \"added\": " + sel.added() + ",\n");
            out.print("    \"removed\": " + sel.removed() + ",\n");
            out.print("    \"changed\": " + sel.changed() + "\n");
        } else {
            out.print("    \"total\": " + facts.totalEntries() + "\n");
        }
        out.print("  },\n");
    }

    private void entries() throws IOException {
        if (!facts.kind().compares() && !o.detailedInit()) {
            return;
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            if (o.grouped()) {
                list("added", Category.ADDED, sel.added());
                list("removed", Category.REMOVED, sel.removed());
                list("changed", Category.CHANGED, sel.changed());
            } else {
                list("entries", null, sel.added() + sel.removed() + sel.changed());
            }
        }
        if (sel.hasDetails(o)) {
            details();
        }
    }

    /** One list; {@code only} null lists every counted entry (ungrouped). */
    private void list(String key, Category only, long count) throws IOException {
        if (count == 0) {
            return;
        }
        boolean object = o.summarizeChanges() || !o.grouped();
        out.print("  \"" + key + (object ? "\": {\n" : "\": [\n"));
        boolean countAdded = ReportSelection.countsAdded(facts, o);
        boolean[] first = {true};
        facts.differences().forEach(d -> {
            Category c = ReportSelection.category(d, countAdded, o);
            if (c == Category.NONE || (only != null && c != only)) {
                return;
            }
            if (!first[0]) {
                out.print(",\n");
            }
            first[0] = false;
            String name = ReportText.escapeJson(d.name());
            if (o.summarizeChanges()) {
                out.print("    \"" + name + "\": \"" + SummaryString.of(d, o) + "\"");
            } else if (!o.grouped()) {
                out.print("    \"" + name + "\": \"" + c.name().toLowerCase() + "\"");
            } else {
                out.print("    \"" + name + "\"");
            }
        });
        out.print("\n");
        out.print(object ? "  },\n" : "  ],\n");
    }

    private void details() throws IOException {
        out.print("  \"details\": {\n");
        boolean countAdded = ReportSelection.countsAdded(facts, o);
        boolean[] first = {true};
        facts.differences().forEach(d -> {
            AttributeSet shown = ReportSelection.category(d, countAdded, o) == Category.NONE ? AttributeSet.EMPTY
                    : ReportSelection.shownInDetails(d, o);
            if (!shown.isEmpty()) {
                if (!first[0]) {
                    out.print(",\n");
                }
                first[0] = false;
                block(d, shown);
            }
        });
        out.print("\n");
        out.print("  },\n");
    }

    private void block(Difference d, AttributeSet shown) throws IOException {
        out.print("    \"" + ReportText.escapeJson(d.name()) + "\": {\n");
        boolean first = true;
        for (Attribute a : ReportOrder.detailOrder(shown)) {
            if (!first) {
                out.print(",\n");
            }
            first = false;
            out.print("      \"" + a.jsonName() + "\": {\n");
            List<String> ov = AttributeValues.of(d.old(), a, o);
            List<String> nv = AttributeValues.of(d.current(), a, o);
            values.print("old", a, ov, 8);
            if (!ov.isEmpty() && !nv.isEmpty()) {
                out.print(",\n");
            }
            values.print("new", a, nv, 8);
            out.print("\n");
            out.print("      }");
        }
        out.print("\n");
        out.print("    }");
    }

    private void databases() throws IOException {
        if (!o.level().atLeast(ReportLevel.DATABASE_ATTRIBUTES) || facts.databases().isEmpty()) {
            return;
        }
        out.print("  \"databases\": {\n");
        boolean firstDb = true;
        for (DatabaseDigest db : facts.databases()) {
            if (!firstDb) {
                out.print(",\n");
            }
            firstDb = false;
            DbEntry e = ReportHeader.databaseEntry(db);
            out.print("    \"" + ReportText.escapeJson(db.path()) + "\": {\n");
            boolean first = true;
            for (Attribute a : ReportOrder.detailOrder(e.attrs())) {
                if (!first) {
                    out.print(",\n");
                }
                first = false;
                values.print(a.jsonName(), a, AttributeValues.of(e, a, o), 6);
            }
            out.print("\n");
            out.print("    }");
        }
        out.print("\n");
        out.print("  },\n");
    }
}
