package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.DirTree;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import java.io.IOException;
import java.util.List;

/** Reports every entry of a commit subtree whose directory is missing on disk as removed. */
final class RemovedSubtree {

    private final OstreeRepository repository;
    private final OrderedChanges changes;
    private final ChangeReasons reasons;

    RemovedSubtree(OstreeRepository repository, OrderedChanges changes, ChangeReasons reasons) {
        this.repository = repository;
        this.changes = changes;
        this.reasons = reasons;
    }

    void report(Checksum tree, String hostPath) throws IOException {
        DirTree dirTree = repository.loadDirTree(tree);
        for (DirTree.FileEntry file : dirTree.files()) {
            changes.add(removed(TreeVerifier.child(hostPath, file.name())));
        }
        for (DirTree.DirEntry dir : dirTree.dirs()) {
            String child = TreeVerifier.child(hostPath, dir.name());
            changes.add(removed(child));
            report(dir.tree(), child);
        }
    }

    private FileChange removed(String path) {
        return new FileChange(path, ChangeKind.REMOVED, List.of(), reasons.removed());
    }
}
