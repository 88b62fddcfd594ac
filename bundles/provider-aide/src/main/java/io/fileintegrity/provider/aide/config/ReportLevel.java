package io.fileintegrity.provider.aide.config;

import java.util.Optional;

/** {@code report_level} values, from least to most detailed (AIDE's order). */
public enum ReportLevel {
    MINIMAL, SUMMARY, DATABASE_ATTRIBUTES, LIST_ENTRIES, CHANGED_ATTRIBUTES, ADDED_REMOVED_ATTRIBUTES,
    ADDED_REMOVED_ENTRIES;

    /** The aide.conf spelling, e.g. {@code changed_attributes}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True if this level includes everything {@code other} shows. */
    public boolean atLeast(ReportLevel other) {
        return compareTo(other) >= 0;
    }

    static Optional<ReportLevel> fromConfigName(String name) {
        for (ReportLevel l : values()) {
            if (l.configName().equals(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
