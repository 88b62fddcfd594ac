package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What one report counts and lists, after its ignore options (AIDE's {@code terse_report}): added
 * entries except those allowed by {@code ANF}, removed except {@code ARF}, changed if an attribute
 * outside {@code report_ignore_changed_attrs} changed (e2fs flags only outside
 * {@code report_ignore_e2fsattrs}).
 */
public record ReportSelection(List<Difference> added, List<Difference> removed, List<Difference> changed,
        List<Difference> differentAttributes, List<Difference> listed) {

    public static ReportSelection of(RunFacts facts, ReportSettings options) {
        List<Difference> added = new ArrayList<>();
        List<Difference> removed = new ArrayList<>();
        List<Difference> changed = new ArrayList<>();
        List<Difference> different = new ArrayList<>();
        List<Difference> listed = new ArrayList<>();
        boolean countAdded = facts.kind().compares() || options.detailedInit();
        for (Difference d : facts.differences()) {
            if (d.isAdded()) {
                if (countAdded && !d.current().has(Attribute.ALLOWNEWFILE)) {
                    added.add(d);
                    listed.add(d);
                }
            } else if (d.isRemoved()) {
                if (!d.old().has(Attribute.ALLOWRMFILE)) {
                    removed.add(d);
                    listed.add(d);
                }
            } else {
                if (options.level().atLeast(ReportLevel.LIST_ENTRIES) && setsDiffer(d, options)) {
                    different.add(d);
                }
                if (!reportedChanges(d, options).isEmpty()) {
                    changed.add(d);
                    listed.add(d);
                }
            }
        }
        return new ReportSelection(added, removed, changed, different, listed);
    }

    private static boolean setsDiffer(Difference d, ReportSettings o) {
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

    /** AIDE's exit-code bits for this report: 1 added, 2 removed, 4 changed. */
    public int exitBits() {
        return (added.isEmpty() ? 0 : 1) | (removed.isEmpty() ? 0 : 2) | (changed.isEmpty() ? 0 : 4);
    }

    public boolean anyDifference() {
        return exitBits() != 0;
    }
}
