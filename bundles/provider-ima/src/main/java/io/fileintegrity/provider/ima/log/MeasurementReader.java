package io.fileintegrity.provider.ima.log;

import java.io.Closeable;
import java.io.IOException;

/** Reads a measurement list one entry at a time, holding only the current entry in memory. */
public interface MeasurementReader extends Closeable {

    /**
     * The next entry.
     *
     * @return the entry, or null at the end of the list
     * @throws MeasurementListException when the next entry is malformed
     * @throws IOException when the list cannot be read
     */
    ImaEntry next() throws MeasurementListException, IOException;

    /** Bytes consumed up to the end of the last entry returned. */
    long position();

    /** Where the list came from, for messages. */
    String source();
}
