package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;

/**
 * One entry that differs between the baseline and now.
 *
 * @param old the baseline entry, null when added
 * @param current the entry now, null when removed
 * @param changed the attributes that changed (empty for added and removed entries, and for entries
 *     whose attribute sets differ but whose shared attributes are equal)
 */
public record Difference(DbEntry old, DbEntry current, AttributeSet changed) {

    public boolean isAdded() {
        return old == null;
    }

    public boolean isRemoved() {
        return current == null;
    }

    /** The entry's name. */
    public String name() {
        return current != null ? current.name() : old.name();
    }

    /** Whether the two entries keep different attribute sets. */
    public boolean attributeSetsDiffer() {
        return old != null && current != null && !old.attrs().equals(current.attrs());
    }
}
