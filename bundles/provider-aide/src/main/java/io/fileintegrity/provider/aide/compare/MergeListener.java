package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.io.IOException;

/** Receives the outcome of a sorted merge, entry by entry, in database order. */
public interface MergeListener {
    /** An entry that is on disk (or in the new database) but not in the baseline. */
    void added(DbEntry current) throws IOException;

    /** A baseline entry that is gone. */
    void removed(DbEntry old) throws IOException;

    /** An entry in both; {@code changed} may be empty. */
    void compared(DbEntry old, DbEntry current, AttributeSet changed) throws IOException;

    /** A baseline entry outside {@code --limit}, carried over unchanged. */
    void carried(DbEntry old) throws IOException;

    /** A baseline entry no rule matches any more (dropped as AIDE 0.18 does). */
    default void unmatched(DbEntry old) throws IOException {}
}
