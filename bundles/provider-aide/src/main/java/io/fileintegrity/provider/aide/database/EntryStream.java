package io.fileintegrity.provider.aide.database;

import java.io.Closeable;
import java.io.IOException;

/** Entries in AIDE's database order ({@link PathOrder}), from a database or from a scan. */
public interface EntryStream extends Closeable {
    /** The next entry, or null at the end. */
    DbEntry next() throws IOException;
}
