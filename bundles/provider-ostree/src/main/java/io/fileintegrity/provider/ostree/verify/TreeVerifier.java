package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.DirMeta;
import io.fileintegrity.provider.ostree.repo.DirTree;
import io.fileintegrity.provider.ostree.repo.FileMeta;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a commit's dirtrees next to a directory on disk: directories are compared here, files are
 * checked on the pool, entries only on disk are added, entries only in the commit are removed.
 */
final class TreeVerifier {

    private final WalkContext context;
    private final OstreeRepository repository;
    private final OrderedChanges changes;
    private final VerificationPolicy policy;
    private final FileVerifier files;
    private final PathMatcher ignore;

    TreeVerifier(WalkContext context, VerificationPolicy policy, FileVerifier files) {
        this.context = context;
        this.repository = context.repository();
        this.changes = context.changes();
        this.policy = policy;
        this.files = files;
        this.ignore = policy.ignoreMatcher();
    }

    /** Verifies the directory {@code disk} (shown as {@code hostPath}) against a dirtree and dirmeta. */
    void verifyDirectory(Checksum tree, Checksum meta, Path disk, String hostPath, ChangeReasons reasons)
            throws IOException {
        context.step();
        DirMeta expected = repository.loadDirMeta(meta);
        DiskStat stat = DiskStat.of(disk).orElse(null);
        if (stat == null) {
            changes.add(new FileChange(hostPath, ChangeKind.REMOVED, List.of(), reasons.removed()));
            new RemovedSubtree(repository, changes, reasons).report(tree, hostPath);
            return;
        }
        FileMeta expectedMeta = new FileMeta(expected.uid(), expected.gid(), expected.mode(), "", expected.xattrs());
        FileMeta actualMeta = new FileMeta(stat.uid(), stat.gid(), stat.mode(),
                stat.isSymlink() ? Files.readSymbolicLink(disk).toString() : "",
                policy.checkXattrs() ? context.xattrs().listWithoutOstreeMeta(disk) : List.of());
        var attributes = AttributeComparison.compare(expectedMeta, actualMeta, policy.checkOwner(), policy.checkXattrs());
        if (!attributes.isEmpty()) {
            changes.add(new FileChange(hostPath, ChangeKind.CHANGED, attributes, reasons.modified()));
        }
        if (stat.isDirectory()) {
            verifyChildren(repository.loadDirTree(tree), disk, hostPath, reasons);
        }
    }

    /** Verifies one file or symlink of the commit. */
    void verifyFile(Checksum content, Path disk, String hostPath, ChangeReasons reasons) throws IOException {
        context.step();
        changes.submit(() -> files.verify(disk, hostPath, content, reasons));
    }

    private void verifyChildren(DirTree tree, Path disk, String hostPath, ChangeReasons reasons) throws IOException {
        Set<String> onDisk = list(disk);
        for (DirTree.FileEntry file : tree.files()) {
            String child = child(hostPath, file.name());
            boolean present = onDisk.remove(file.name());
            if (isSkipped(child)) {
                continue;
            }
            if (present) {
                verifyFile(file.content(), disk.resolve(file.name()), child, reasons);
            } else {
                changes.add(new FileChange(child, ChangeKind.REMOVED, List.of(), reasons.removed()));
            }
        }
        for (DirTree.DirEntry dir : tree.dirs()) {
            String child = child(hostPath, dir.name());
            onDisk.remove(dir.name());
            if (!isSkipped(child)) {
                verifyDirectory(dir.tree(), dir.meta(), disk.resolve(dir.name()), child, reasons);
            }
        }
        for (String extra : onDisk) {
            String child = child(hostPath, extra);
            if (!isSkipped(child)) {
                new AddedSubtree(changes, reasons, this::isSkipped, context.cancellation()).report(disk.resolve(extra), child);
            }
        }
    }

    private boolean isSkipped(String hostPath) {
        if (context.skipped().contains(hostPath)) {
            return true;
        }
        if (policy.ignores(ignore, hostPath)) {
            context.ignored().incrementAndGet();
            return true;
        }
        return false;
    }

    static String child(String parent, String name) {
        return parent.endsWith("/") ? parent + name : parent + "/" + name;
    }

    /** The names in a directory, sorted. */
    static Set<String> list(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /** Whether a path is a directory that may be walked (not a symlink to one). */
    static boolean isRealDirectory(Path path) throws IOException {
        Optional<DiskStat> stat = DiskStat.of(path);
        return stat.isPresent() && stat.get().isDirectory();
    }
}
