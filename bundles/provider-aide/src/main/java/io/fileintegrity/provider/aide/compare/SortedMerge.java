package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.EntryStream;
import io.fileintegrity.provider.aide.database.PathOrder;
import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Compares two entry streams that are both in database order with one pass and constant memory:
 * the baseline (a database) and the current state (a scan or a second database).
 */
public final class SortedMerge {
    private final BaselineFilter filter;
    private final Cancellation cancellation;
    private final FileContent content;

    public SortedMerge(BaselineFilter filter, Cancellation cancellation) {
        this(filter, cancellation, FileContent.NONE);
    }

    /** {@code content} re-reads grown files under {@code growing} ({@link FileContent#NONE} for two databases). */
    public SortedMerge(BaselineFilter filter, Cancellation cancellation, FileContent content) {
        this.filter = filter;
        this.cancellation = cancellation;
        this.content = content;
    }

    public void run(EntryStream baseline, EntryStream current, MergeListener listener) throws IOException {
        DbEntry o = nextOld(baseline, listener);
        DbEntry n = current.next();
        long steps = 0;
        while (o != null || n != null) {
            if ((++steps & 1023) == 0 && cancellation.isCancelled()) {
                throw new CancellationException("compare cancelled");
            }
            int order = o == null ? 1 : n == null ? -1 : PathOrder.INSTANCE.compare(o.name(), n.name());
            if (order < 0) {
                if (filter.verdict(o.name(), o.perm()) == BaselineFilter.Verdict.OUTSIDE_LIMIT) {
                    listener.carried(o);
                } else {
                    listener.removed(o);
                }
                o = nextOld(baseline, listener);
            } else if (order > 0) {
                listener.added(n);
                n = current.next();
            } else {
                listener.compared(o, n, AttributeComparison.changed(o, n, content));
                o = nextOld(baseline, listener);
                n = current.next();
            }
        }
    }

    private DbEntry nextOld(EntryStream baseline, MergeListener listener) throws IOException {
        for (DbEntry o; (o = baseline.next()) != null; ) {
            switch (filter.verdict(o.name(), o.perm())) {
                case COMPARE, OUTSIDE_LIMIT -> {
                    return o;
                }
                case NO_RULE -> listener.unmatched(o);
                default -> throw new IllegalStateException();
            }
        }
        return null;
    }
}
