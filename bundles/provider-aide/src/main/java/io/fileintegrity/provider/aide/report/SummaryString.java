package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.FileTypes;

/** AIDE's summarize-changes string ({@code YlZbpugamcinHAXSEC}), e.g. {@code f > ... mc..H..   }. */
final class SummaryString {
    private SummaryString() {}

    static String of(Difference d, ReportSettings o) {
        int n = ReportOrder.SUMMARY.size();
        StringBuilder b = new StringBuilder(n);
        if (d.isAdded() || d.isRemoved()) {
            b.append(FileTypes.letter((d.isRemoved() ? d.old() : d.current()).perm()));
            b.append(String.valueOf(d.isAdded() ? '+' : '-').repeat(n - 1));
            return b.toString();
        }
        b.append(FileTypes.letter(d.current().perm()));
        for (int i = 1; i < n; i++) {
            b.append(position(d, o, ReportOrder.SUMMARY.get(i)));
        }
        return b.toString();
    }

    private static char position(Difference d, ReportSettings o, Attribute position) {
        long attrs = ReportOrder.covered(position).bits();
        long old = d.old().attrs().bits();
        long now = d.current().attrs().bits();
        long changed = d.changed().bits();
        long force = o.forceAttrs().bits();
        char letter = position.summaryChar();
        char same = '.';
        if (position == Attribute.SIZE) {
            same = '=';
            if ((attrs & changed & ~o.ignoreRemovedAttrs().bits()) != 0 && d.old().size() > d.current().size()) {
                letter = '<';
            }
        }
        if ((attrs & changed & (force | ~o.ignoreChangedAttrs().bits())) != 0) {
            return letter;
        } else if ((attrs & old & ~now & (force | ~o.ignoreRemovedAttrs().bits())) != 0) {
            return '-';
        } else if ((attrs & ~old & now & (force | ~o.ignoreAddedAttrs().bits())) != 0) {
            return '+';
        } else if ((attrs & ((old & ~now & o.ignoreRemovedAttrs().bits()) | (~old & now & o.ignoreAddedAttrs().bits())
                | (old & now & o.ignoreChangedAttrs().bits()))) != 0) {
            return ':';
        } else if ((attrs & old & now) != 0) {
            return same;
        }
        return ' ';
    }

    /** AIDE's {@code diff_attributes} text, e.g. {@code +sha512-md5}. */
    static String attributeDiff(AttributeSet a, AttributeSet b) {
        StringBuilder s = new StringBuilder();
        for (Attribute x : a.union(b).minus(a.intersect(b))) {
            if (x.configName() == null) {
                continue;
            }
            if (s.length() > 0 || !a.isEmpty()) {
                s.append(b.contains(x) ? '+' : '-');
            }
            s.append(x.configName());
        }
        return s.toString();
    }
}
