package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What every part of one verification run shares. */
record WalkContext(OstreeRepository repository, XattrReader xattrs, OrderedChanges changes, Cancellation cancellation,
        ProgressListener progress, LongSupplier bytesDone, Set<String> skipped, AtomicLong entries, AtomicLong ignored,
        AtomicLong deferred) {

    /** Counts one entry, reports progress every 1024, and stops the walk when cancelled. */
    void step() {
        if (cancellation.isCancelled()) {
            throw new CancellationException("verification cancelled");
        }
        long done = entries.incrementAndGet();
        if ((done & 1023) == 0) {
            progress.progress(new ScanProgress(done, bytesDone.getAsLong(), -1, -1));
        }
    }

    /** The same run with another change queue (the /etc comparison may go to another consumer). */
    WalkContext withChanges(OrderedChanges other) {
        return new WalkContext(repository, xattrs, other, cancellation, progress, bytesDone, skipped, entries, ignored,
                deferred);
    }
}
