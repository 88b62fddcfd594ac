package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.ContentHasher;
import io.fileintegrity.provider.ostree.repo.ContentObject;
import io.fileintegrity.provider.ostree.repo.FileMeta;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.RepoMode;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies one file or symlink against its content checksum. A match proves type, mode, owner,
 * xattrs, target and content at once. On a mismatch the repository object is checked first: when it
 * is intact its metadata tells which attributes differ; when it is corrupt (for example a hard-linked
 * bare object written through the deployment) the mismatch is reported as {@code checksum} with reason
 * {@value ChangeReasons#OBJECT_CORRUPT}, since the original attributes cannot be known any more.
 */
final class FileVerifier {

    private final OstreeRepository repository;
    private final XattrReader xattrs;
    private final VerificationPolicy policy;
    private final ThreadLocal<ContentHasher> hashers;
    private final Rotation rotation;
    private final AtomicLong deferred;

    FileVerifier(OstreeRepository repository, XattrReader xattrs, VerificationPolicy policy,
            ThreadLocal<ContentHasher> hashers, Rotation rotation, AtomicLong deferred) {
        this.rotation = rotation;
        this.deferred = deferred;
        this.repository = repository;
        this.xattrs = xattrs;
        this.policy = policy;
        this.hashers = hashers;
    }

    Optional<FileChange> verify(Path disk, String hostPath, Checksum expected, ChangeReasons reasons) throws IOException {
        try {
            return check(disk, hostPath, expected, reasons);
        } catch (NoSuchFileException vanished) {
            return Optional.of(new FileChange(hostPath, ChangeKind.REMOVED, List.of(), reasons.removed()));
        }
    }

    private Optional<FileChange> check(Path disk, String hostPath, Checksum expected, ChangeReasons reasons)
            throws IOException {
        Optional<DiskStat> stat = DiskStat.of(disk);
        if (stat.isEmpty()) {
            return Optional.of(new FileChange(hostPath, ChangeKind.REMOVED, List.of(), reasons.removed()));
        }
        FileMeta actual = actualMeta(disk, stat.get());
        ContentObject object = null;
        if (!policy.checksAll() || !(stat.get().isRegular() || stat.get().isSymlink())) {
            object = repository.loadContent(expected);
            actual = withUncheckedFrom(actual, object.meta());
        }
        if (object == null && deferrable(stat.get(), expected, actual)) {
            deferred.incrementAndGet();
            return Optional.empty();
        }
        ContentHasher hasher = hashers.get();
        Checksum found = stat.get().isRegular() || stat.get().isSymlink() ? hasher.hash(actual, disk).checksum() : null;
        if (expected.equals(found)) {
            return Optional.empty();
        }
        return Optional.of(explain(disk, hostPath, expected, found, actual, object, reasons));
    }

    /** A hard link to its object, with the object's metadata, that the rotation does not hash this run. */
    private boolean deferrable(DiskStat stat, Checksum expected, FileMeta actual) throws IOException {
        if (!rotation.active() || !stat.isRegular() || repository.mode() == RepoMode.ARCHIVE
                || rotation.hashesNow(expected)) {
            return false;
        }
        Optional<DiskStat> objectStat = DiskStat.of(repository.contentPath(expected));
        return objectStat.isPresent() && objectStat.get().sameInode(stat)
                && repository.loadContent(expected).meta().equals(actual);
    }

    private FileChange explain(Path disk, String hostPath, Checksum expected, Checksum found, FileMeta actual,
            ContentObject loaded, ChangeReasons reasons) throws IOException {
        AttributeChange checksum = new AttributeChange("checksum", expected.hex(), found == null ? "" : found.hex());
        ContentObject object = loaded;
        if (object == null) {
            try {
                object = repository.loadContent(expected);
            } catch (RepositoryException missing) {
                return new FileChange(hostPath, ChangeKind.CHANGED, List.of(checksum), ChangeReasons.OBJECT_MISSING);
            }
        }
        if (!objectIsIntact(object)) {
            return new FileChange(hostPath, ChangeKind.CHANGED, List.of(checksum), ChangeReasons.OBJECT_CORRUPT);
        }
        List<AttributeChange> changes = new ArrayList<>(
                AttributeComparison.compare(object.meta(), actual, policy.checkOwner(), policy.checkXattrs()));
        if (object.meta().isRegular() && actual.isRegular()) {
            Checksum content = hashers.get().hash(object.meta(), disk).checksum();
            if (!content.equals(expected)) {
                changes.add(new AttributeChange("content", expected.hex(), content.hex()));
            }
        }
        return new FileChange(hostPath, ChangeKind.CHANGED, changes.isEmpty() ? List.of(checksum) : changes,
                reasons.modified());
    }

    private boolean objectIsIntact(ContentObject object) {
        try (InputStream in = object.openContent()) {
            ContentHasher.Result result = hashers.get().hash(object.meta(), in);
            return result.checksum().equals(object.checksum())
                    && (!object.meta().isRegular() || result.contentBytes() == object.size());
        } catch (IOException unreadable) {
            return false;
        }
    }

    private FileMeta actualMeta(Path disk, DiskStat stat) throws IOException {
        String target = stat.isSymlink() ? Files.readSymbolicLink(disk).toString() : "";
        return new FileMeta(stat.uid(), stat.gid(), stat.mode(), target,
                policy.checkXattrs() ? xattrs.listWithoutOstreeMeta(disk) : List.of());
    }

    /** The disk's metadata with the attributes the policy does not check taken from the commit. */
    private FileMeta withUncheckedFrom(FileMeta actual, FileMeta expected) {
        return new FileMeta(policy.checkOwner() ? actual.uid() : expected.uid(),
                policy.checkOwner() ? actual.gid() : expected.gid(), actual.mode(), actual.symlinkTarget(),
                policy.checkXattrs() ? actual.xattrs() : expected.xattrs());
    }
}
