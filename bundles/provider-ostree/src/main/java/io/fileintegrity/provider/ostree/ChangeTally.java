package io.fileintegrity.provider.ostree;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ChangeSink;
import io.fileintegrity.api.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Counts changes, keeps the first {@code limit} of them and forwards every one to a sink. */
final class ChangeTally implements Consumer<FileChange> {

    private final ChangeSink sink;
    private final int limit;
    private final List<FileChange> kept = new ArrayList<>();
    private ChangeCounts counts = ChangeCounts.NONE;

    ChangeTally(ChangeSink sink, int limit) {
        this.sink = sink;
        this.limit = limit;
    }

    @Override
    public void accept(FileChange change) {
        counts = counts.plus(change.kind());
        if (kept.size() < limit) {
            kept.add(change);
        }
        sink.accept(change);
    }

    ChangeCounts counts() {
        return counts;
    }

    List<FileChange> kept() {
        return List.copyOf(kept);
    }

    boolean truncated() {
        return counts.total() > kept.size();
    }
}
