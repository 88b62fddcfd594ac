package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.Commit;
import io.fileintegrity.provider.ostree.repo.DirTree;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import java.io.IOException;

/** Finds a path in a commit by walking its dirtrees. */
final class CommitPaths {

    /** A directory (tree and meta set) or a file (content set). */
    record Entry(Checksum tree, Checksum meta, Checksum content) {
        boolean isDirectory() {
            return tree != null;
        }
    }

    private final OstreeRepository repository;
    private final Commit commit;

    CommitPaths(OstreeRepository repository, Commit commit) {
        this.repository = repository;
        this.commit = commit;
    }

    /** The entry at an absolute path; a {@link RepositoryException} when the commit has no such path. */
    Entry find(String path) throws IOException {
        Entry entry = new Entry(commit.rootTree(), commit.rootMeta(), null);
        for (String name : path.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            if (!entry.isDirectory()) {
                throw notFound(path);
            }
            entry = child(repository.loadDirTree(entry.tree()), name, path);
        }
        return entry;
    }

    /** Whether the commit ships {@code /usr/etc} and no {@code /etc}: a deployment gets {@code /etc} from it. */
    boolean hasDeploymentEtcLayout() throws IOException {
        DirTree root = repository.loadDirTree(commit.rootTree());
        boolean hasEtc = root.dirs().stream().anyMatch(d -> d.name().equals("etc"));
        if (hasEtc) {
            return false;
        }
        try {
            return find("/usr/etc").isDirectory();
        } catch (RepositoryException absent) {
            return false;
        }
    }

    private Entry child(DirTree tree, String name, String path) throws RepositoryException {
        for (DirTree.DirEntry dir : tree.dirs()) {
            if (dir.name().equals(name)) {
                return new Entry(dir.tree(), dir.meta(), null);
            }
        }
        for (DirTree.FileEntry file : tree.files()) {
            if (file.name().equals(name)) {
                return new Entry(null, null, file.content());
            }
        }
        throw notFound(path);
    }

    private RepositoryException notFound(String path) {
        return new RepositoryException("path " + path + " is not in the commit");
    }
}
