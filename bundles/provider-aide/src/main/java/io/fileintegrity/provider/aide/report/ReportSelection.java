package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import java.io.IOException;

/**
 * What one report counts and lists, after its ignore options (AIDE's {@code terse_report}): added
 * entries except those allowed by {@code ANF}, removed except {@code ARF}, changed if an attribute
 * outside {@code report_ignore_changed_attrs} changed (e2fs flags only outside
 * {@code report_ignore_e2fsattrs}). Only counts are kept; the entries are read again per section.
 *
 * @param added entries counted as added
 * @param removed entries counted as removed
 * @param changed entries counted as changed
 * @param differentAttributes entries whose attribute sets differ (the report's first lines)
 */
public record ReportSelection(long added, long removed, long changed, long differentAttributes) {

    /** How one report counts a difference. */
    public enum Category { ADDED, REMOVED, CHANGED, NONE }

    /** Counts the differences of a run for one report (one pass). */
    public static ReportSelection of(RunFacts facts, ReportSettings options) throws IOException {
        long[] n = new long[4];
        boolean countAdded = countsAdded(facts, options);
        facts.differences().forEach(d -> {
            Category c = category(d, countAdded, options);
            if (c != Category.NONE) {
                n[c.ordinal()]++;
            }
            if (differentAttributes(d, options)) {
                n[3]++;
            }
        });
        return new ReportSelection(n[0], n[1], n[2], n[3]);
    }

    /** Whether added entries count at all: in comparing runs, or in an init with {@code report_detailed_init}. */
    public static boolean countsAdded(RunFacts facts, ReportSettings options) {
        return facts.kind().compares() || options.detailedInit();
    }

    /** The list a difference belongs to in this report, or NONE when the report ignores it. */
    public static Category category(Difference d, boolean countAdded, ReportSettings options) {
        if (d.isAdded()) {
            return countAdded && !d.current().has(Attribute.ALLOWNEWFILE) ? Category.ADDED : Category.NONE;
        }
        if (d.isRemoved()) {
            return d.old().has(Attribute.ALLOWRMFILE) ? Category.NONE : Category.REMOVED;
        }
        return reportedChanges(d, options).isEmpty() ? Category.NONE : Category.CHANGED;
    }

    /** Whether the report's first lines name this entry for its different attribute sets. */
    static boolean differentAttributes(Difference d, ReportSettings o) {
        if (d.isAdded() || d.isRemoved() || !o.level().atLeast(ReportLevel.LIST_ENTRIES)) {
            return false;
        }
        long old = d.old().attrs().bits();
        long now = d.current().attrs().bits();
        return (((old & ~o.ignoreRemovedAttrs().bits()) ^ (now & ~o.ignoreAddedAttrs().bits())) & (old ^ now)) != 0;
    }

    /** The changed attributes this report counts: minus ignored ones, e2fs only if unignored flags changed. */
    static AttributeSet reportedChanges(Difference d, ReportSettings o) {
        AttributeSet changed = d.changed().minus(o.ignoreChangedAttrs());
        if (changed.contains(Attribute.E2FSATTRS)
                && ((d.old().e2fsattrs() ^ d.current().e2fsattrs()) & ~ReportText.e2fsMask(o.ignoreE2fsattrs())) == 0) {
            changed = changed.minus(Attribute.E2FSATTRS);
        }
        return changed;
    }

    /** The attributes the detailed section shows for a changed entry ({@code get_report_attributes}). */
    static AttributeSet detailAttributes(Difference d, ReportSettings o) {
        AttributeSet shown = reportedChanges(d, o);
        if (o.level().atLeast(ReportLevel.ADDED_REMOVED_ATTRIBUTES)) {
            AttributeSet old = d.old().attrs();
            AttributeSet now = d.current().attrs();
            shown = shown.union(now.minus(old).minus(o.ignoreAddedAttrs())).union(old.minus(now).minus(o.ignoreRemovedAttrs()));
        }
        return shown.isEmpty() ? shown : shown.union(o.forceAttrs());
    }

    /** The attributes the detailed section shows for an entry, empty when it has no block. */
    static AttributeSet shownInDetails(Difference d, ReportSettings o) {
        if (d.isAdded() || d.isRemoved()) {
            if (!o.level().atLeast(ReportLevel.ADDED_REMOVED_ENTRIES)) {
                return AttributeSet.EMPTY;
            }
            return d.isAdded() ? d.current().attrs().minus(o.ignoreAddedAttrs())
                    : d.old().attrs().minus(o.ignoreRemovedAttrs());
        }
        return detailAttributes(d, o);
    }

    /** Whether the report has a detailed section ({@code print_report}'s condition). */
    boolean hasDetails(ReportSettings o) {
        return (changed > 0 && o.level().atLeast(ReportLevel.CHANGED_ATTRIBUTES))
                || ((added > 0 || removed > 0) && o.level().atLeast(ReportLevel.ADDED_REMOVED_ENTRIES));
    }

    /** AIDE's exit-code bits for this report: 1 added, 2 removed, 4 changed. */
    public int exitBits() {
        return (added == 0 ? 0 : 1) | (removed == 0 ? 0 : 2) | (changed == 0 ? 0 : 4);
    }

    public boolean anyDifference() {
        return exitBits() != 0;
    }
}
