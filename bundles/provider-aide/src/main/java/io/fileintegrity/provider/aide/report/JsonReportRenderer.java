package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.ArrayList;
import java.util.List;

/** AIDE 0.18's JSON report ({@code report_json.c}), with its layout and its string escaping. */
public final class JsonReportRenderer {
    private static final AttributeSet NUMERIC = AttributeSet.of(Attribute.UID, Attribute.GID, Attribute.SIZE,
            Attribute.SIZEG, Attribute.INODE, Attribute.BCOUNT, Attribute.LCOUNT);

    private JsonReportRenderer() {}

    public static String render(RunFacts facts, ReportSettings o, String version) {
        ReportSelection sel = ReportSelection.of(facts, o);
        if (o.quiet() && !sel.anyDifference()) {
            return "";
        }
        StringBuilder b = new StringBuilder(4096).append("{\n");
        differentAttributes(b, sel, o);
        boolean summary = o.level().atLeast(ReportLevel.SUMMARY);
        if (summary) {
            string(b, 2, "start_time", ReportText.time(facts.startSeconds()), true);
            string(b, 2, "aide_version", version, true);
        }
        string(b, 2, "outline", ReportHeader.outline(facts.kind(), sel), summary);
        if (summary) {
            if (facts.newDatabase() != null) {
                string(b, 2, "new_database", facts.newDatabase(), true);
            }
            ReportHeader.configValues(facts, o).forEach((k, v) -> string(b, 2, k, v[1], true));
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            ReportHeader.reportValues(o).forEach((k, v) -> string(b, 2, k, v[1], true));
        }
        if (summary) {
            numbers(b, facts, sel);
        }
        entries(b, facts, sel, o);
        databases(b, facts, o);
        if (summary) {
            string(b, 2, "end_time", ReportText.time(facts.endSeconds()), true);
            b.append("  \"run_time_seconds\": ").append(facts.endSeconds() - facts.startSeconds()).append('\n');
        }
        return b.append("}\n").toString();
    }

    private static void string(StringBuilder b, int indent, String key, String value, boolean comma) {
        b.append(" ".repeat(indent)).append('"').append(ReportText.escapeJson(key)).append("\": \"")
                .append(ReportText.escapeJson(value)).append('"').append(comma ? ",\n" : "\n");
    }

    private static void differentAttributes(StringBuilder b, ReportSelection sel, ReportSettings o) {
        List<Difference> list = sel.differentAttributes();
        if (list.isEmpty()) {
            return;
        }
        b.append("  \"different_attributes\": {\n");
        for (int i = 0; i < list.size(); i++) {
            Difference d = list.get(i);
            String diff = SummaryString.attributeDiff(d.old().attrs().minus(o.ignoreRemovedAttrs()),
                    d.current().attrs().minus(o.ignoreAddedAttrs()));
            b.append("    \"").append(d.old().name()).append("\": \"").append(diff).append('"')
                    .append(i + 1 < list.size() ? ",\n" : "\n");
        }
        b.append("  },\n");
    }

    private static void numbers(StringBuilder b, RunFacts facts, ReportSelection sel) {
        b.append("  \"number_of_entries\": {\n");
        if (facts.kind().compares() && sel.anyDifference()) {
            b.append("    \"total\": ").append(facts.totalEntries()).append(",\n");
            b.append("    \"added\": ").append(sel.added().size()).append(",\n");
            b.append("    \"removed\": ").append(sel.removed().size()).append(",\n");
            b.append("    \"changed\": ").append(sel.changed().size()).append('\n');
        } else {
            b.append("    \"total\": ").append(facts.totalEntries()).append('\n');
        }
        b.append("  },\n");
    }

    private static void entries(StringBuilder b, RunFacts facts, ReportSelection sel, ReportSettings o) {
        if (!facts.kind().compares() && !o.detailedInit()) {
            return;
        }
        if (o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            if (o.grouped()) {
                list(b, "added", sel.added(), o);
                list(b, "removed", sel.removed(), o);
                list(b, "changed", sel.changed(), o);
            } else {
                list(b, "entries", sel.listed(), o);
            }
        }
        boolean details = (!sel.changed().isEmpty() && o.level().atLeast(ReportLevel.CHANGED_ATTRIBUTES))
                || ((!sel.added().isEmpty() || !sel.removed().isEmpty())
                        && o.level().atLeast(ReportLevel.ADDED_REMOVED_ENTRIES));
        if (details) {
            List<String> blocks = new ArrayList<>();
            for (Difference d : sel.listed()) {
                String block = detail(d, o);
                if (!block.isEmpty()) {
                    blocks.add(block);
                }
            }
            b.append("  \"details\": {\n").append(String.join(",\n", blocks)).append("\n  },\n");
        }
    }

    private static void list(StringBuilder b, String key, List<Difference> entries, ReportSettings o) {
        if (entries.isEmpty()) {
            return;
        }
        boolean object = o.summarizeChanges() || !o.grouped();
        b.append("  \"").append(key).append(object ? "\": {\n" : "\": [\n");
        List<String> lines = new ArrayList<>();
        for (Difference d : entries) {
            String name = ReportText.escapeJson(d.name());
            if (o.summarizeChanges()) {
                lines.add("    \"" + name + "\": \"" + SummaryString.of(d, o) + "\"");
            } else if (!o.grouped()) {
                lines.add("    \"" + name + "\": \"" + (d.isAdded() ? "added" : d.isRemoved() ? "removed" : "changed") + "\"");
            } else {
                lines.add("    \"" + name + "\"");
            }
        }
        b.append(String.join(",\n", lines)).append('\n').append(object ? "  },\n" : "  ],\n");
    }

    private static String detail(Difference d, ReportSettings o) {
        AttributeSet shown;
        if (d.isAdded() || d.isRemoved()) {
            if (!o.level().atLeast(ReportLevel.ADDED_REMOVED_ENTRIES)) {
                return "";
            }
            shown = d.isAdded() ? d.current().attrs().minus(o.ignoreAddedAttrs()) : d.old().attrs().minus(o.ignoreRemovedAttrs());
        } else {
            shown = ReportSelection.detailAttributes(d, o);
        }
        return block(d.old(), d.current(), shown, o);
    }

    private static String block(DbEntry old, DbEntry now, AttributeSet shown, ReportSettings o) {
        if (shown.isEmpty()) {
            return "";
        }
        List<String> attrs = new ArrayList<>();
        for (Attribute a : ReportOrder.detailOrder(shown)) {
            StringBuilder s = new StringBuilder("      \"").append(a.jsonName()).append("\": {\n");
            List<String> ov = AttributeValues.of(old, a, o);
            List<String> nv = AttributeValues.of(now, a, o);
            value(s, "old", a, ov, 8);
            if (!ov.isEmpty() && !nv.isEmpty()) {
                s.append(",\n");
            }
            value(s, "new", a, nv, 8);
            attrs.add(s.append("\n      }").toString());
        }
        String name = ReportText.escapeJson((now == null ? old : now).name());
        return "    \"" + name + "\": {\n" + String.join(",\n", attrs) + "\n    }";
    }

    private static void value(StringBuilder s, String key, Attribute a, List<String> values, int indent) {
        String pad = " ".repeat(indent);
        if (values.size() > 1) {
            s.append(pad).append('"').append(key).append("\": [\n");
            for (int i = 0; i < values.size(); i++) {
                s.append(pad).append("  \"").append(ReportText.escapeJson(values.get(i))).append('"')
                        .append(i + 1 < values.size() ? ",\n" : "\n");
            }
            s.append(pad).append(']');
        } else if (values.size() == 1) {
            String v = ReportText.escapeJson(values.get(0));
            s.append(pad).append('"').append(key).append("\": ");
            s.append(NUMERIC.contains(a) ? v : "\"" + v + "\"");
        }
    }

    private static void databases(StringBuilder b, RunFacts facts, ReportSettings o) {
        if (!o.level().atLeast(ReportLevel.DATABASE_ATTRIBUTES) || facts.databases().isEmpty()) {
            return;
        }
        List<String> dbs = new ArrayList<>();
        for (DatabaseDigest db : facts.databases()) {
            DbEntry e = ReportHeader.databaseEntry(db);
            List<String> lines = new ArrayList<>();
            for (Attribute a : ReportOrder.detailOrder(e.attrs())) {
                StringBuilder s = new StringBuilder();
                value(s, a.jsonName(), a, AttributeValues.of(e, a, o), 6);
                lines.add(s.toString());
            }
            dbs.add("    \"" + ReportText.escapeJson(db.path()) + "\": {\n" + String.join(",\n", lines) + "\n    }");
        }
        b.append("  \"databases\": {\n").append(String.join(",\n", dbs)).append("\n  },\n");
    }

}
