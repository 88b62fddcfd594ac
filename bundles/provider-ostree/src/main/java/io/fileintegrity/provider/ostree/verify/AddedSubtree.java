package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;

/** Reports an entry that is on disk but not in the commit, and everything under it, as added. Never follows symlinks. */
final class AddedSubtree {

    private final OrderedChanges changes;
    private final ChangeReasons reasons;
    private final Predicate<String> skipped;
    private final Cancellation cancellation;

    AddedSubtree(OrderedChanges changes, ChangeReasons reasons, Predicate<String> skipped, Cancellation cancellation) {
        this.changes = changes;
        this.reasons = reasons;
        this.skipped = skipped;
        this.cancellation = cancellation;
    }

    void report(Path disk, String hostPath) throws IOException {
        if (cancellation.isCancelled()) {
            throw new CancellationException("verification cancelled");
        }
        changes.add(new FileChange(hostPath, ChangeKind.ADDED, List.of(), reasons.added()));
        if (TreeVerifier.isRealDirectory(disk)) {
            for (String name : TreeVerifier.list(disk)) {
                String child = TreeVerifier.child(hostPath, name);
                if (!skipped.test(child)) {
                    report(disk.resolve(name), child);
                }
            }
        }
    }
}
