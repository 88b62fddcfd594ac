package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.compare.MergeListener;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DatabaseWriter;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.scan.ScanCounters;
import java.io.IOException;

/**
 * Keeps the differences of a merge (only those, in a store that spills to disk beyond a threshold),
 * counts the entries of the new state, writes them to the new database in {@code --update}, and
 * reports progress.
 */
final class DifferenceCollector implements MergeListener {
    private final DatabaseWriter writer;
    private final ProgressListener progress;
    private final ScanCounters counters;
    private final DifferenceStore differences;
    private long total;
    private boolean unmatchedWarned;

    DifferenceCollector(DatabaseWriter writer, ProgressListener progress, ScanCounters counters,
            DifferenceStore differences) {
        this.writer = writer;
        this.differences = differences;
        this.progress = progress;
        this.counters = counters;
    }

    @Override
    public void added(DbEntry current) throws IOException {
        differences.add(new Difference(null, current, AttributeSet.EMPTY));
        keep(current);
    }

    @Override
    public void removed(DbEntry old) throws IOException {
        differences.add(new Difference(old, null, AttributeSet.EMPTY));
    }

    @Override
    public void compared(DbEntry old, DbEntry current, AttributeSet changed) throws IOException {
        if (!changed.isEmpty() || !old.attrs().equals(current.attrs())) {
            differences.add(new Difference(old, current, changed));
        }
        keep(current);
    }

    @Override
    public void carried(DbEntry old) throws IOException {
        keep(old);
    }

    @Override
    public void unmatched(DbEntry old) {
        if (!unmatchedWarned) {
            unmatchedWarned = true;
            counters.warn("old database entry '" + old.name()
                    + "' has no matching rule, run --init or --update (this warning is only shown once)");
        }
    }

    private void keep(DbEntry entry) throws IOException {
        total++;
        if (writer != null) {
            try {
                writer.write(entry);
            } catch (IOException e) {
                throw new DatabaseWriteException(e);
            }
        }
        if ((total & 4095) == 0) {
            progress.progress(new ScanProgress(total, counters.bytesHashed(), -1, -1));
        }
    }

    DifferenceStore differences() {
        return differences;
    }

    long total() {
        return total;
    }
}
