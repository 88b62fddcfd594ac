package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's header texts, shared by the plain and JSON renderers. */
final class ReportHeader {
    private ReportHeader() {}

    static String outline(RunKind kind, ReportSelection sel) {
        return switch (kind) {
            case INIT -> "AIDE successfully initialized database.";
            case CHECK, UPDATE -> sel.anyDifference() ? "AIDE found differences between database and filesystem!!"
                    : "AIDE found NO differences between database and filesystem. Looks okay!!";
            case COMPARE -> sel.anyDifference() ? "AIDE found differences between the two databases!!"
                    : "AIDE found NO differences between the two databases. Looks okay!!";
        };
    }

    /** config_version, limit, root_prefix and a non-default report level, by report wording. */
    static Map<String, String[]> configValues(RunFacts facts, ReportSettings o) {
        Map<String, String[]> values = new LinkedHashMap<>();
        if (facts.configVersion() != null) {
            values.put("config_version", new String[] {"Config version used", facts.configVersion()});
        }
        if (facts.limit() != null) {
            values.put("limit", new String[] {"Limit", facts.limit()});
        }
        boolean prefixShown = facts.kind() == RunKind.INIT || facts.kind() == RunKind.CHECK
                || facts.kind() == RunKind.UPDATE;
        if (prefixShown && !facts.rootPrefix().isEmpty()) {
            values.put("root_prefix", new String[] {"Root prefix", facts.rootPrefix()});
        }
        if (o.level() != ReportLevel.CHANGED_ATTRIBUTES) {
            values.put("report_level", new String[] {"Report level", o.level().configName()});
        }
        return values;
    }

    /** The plain report's {@code key: value | key: value} line, or "" when nothing applies. */
    static String configOptions(RunFacts facts, ReportSettings o) {
        List<String> parts = new ArrayList<>();
        configValues(facts, o).values().forEach(v -> parts.add(v[0] + ": " + ReportText.escapePlain(v[1])));
        return String.join(" | ", parts);
    }

    /** The report options, by config name and report wording (shown at list_entries and above). */
    static Map<String, String[]> reportValues(ReportSettings o) {
        Map<String, String[]> values = new LinkedHashMap<>();
        put(values, "report_ignore_added_attrs", "Ignored added attributes", o.ignoreAddedAttrs());
        put(values, "report_ignore_removed_attrs", "Ignored removed attributes", o.ignoreRemovedAttrs());
        put(values, "report_ignore_changed_attrs", "Ignored changed attributes", o.ignoreChangedAttrs());
        if (o.level().atLeast(ReportLevel.CHANGED_ATTRIBUTES)) {
            put(values, "report_force_attrs", "Forced attributes", o.forceAttrs());
        }
        if (ReportText.e2fsMask(o.ignoreE2fsattrs()) != 0) {
            String flags = ReportText.e2fsFlags(ReportText.e2fsMask(o.ignoreE2fsattrs()), 0).replace("-", "");
            values.put("report_ignore_e2fsattrs", new String[] {"Ignored e2fs attributes", flags});
        }
        return values;
    }

    private static void put(Map<String, String[]> values, String key, String words, AttributeSet set) {
        if (!set.isEmpty()) {
            values.put(key, new String[] {words, SummaryString.attributeDiff(AttributeSet.EMPTY, set)});
        }
    }

    static List<String> reportOptions(ReportSettings o) {
        List<String> lines = new ArrayList<>();
        reportValues(o).values().forEach(v -> lines.add(v[0] + ": " + v[1]));
        return lines;
    }

    static String ungroupedTitle(ReportSelection sel) {
        boolean a = sel.added() > 0;
        boolean r = sel.removed() > 0;
        boolean c = sel.changed() > 0;
        if (a && r && c) {
            return "Added, removed and changed entries";
        } else if (a && r) {
            return "Added and removed entries";
        } else if (a && c) {
            return "Added and changed entries";
        } else if (r && c) {
            return "Removed and changed entries";
        }
        return a ? "Added entries" : r ? "Removed entries" : "Changed entries";
    }

    /** A pseudo entry holding a database's digests, printed like AIDE's database db_line. */
    static DbEntry databaseEntry(DatabaseDigest db) {
        DbEntry e = new DbEntry(db.path());
        AttributeSet attrs = AttributeSet.EMPTY;
        for (Map.Entry<Attribute, byte[]> d : db.digests().entrySet()) {
            e.hash(d.getKey(), d.getValue());
            attrs = attrs.plus(d.getKey());
        }
        return e.attrs(attrs);
    }
}
