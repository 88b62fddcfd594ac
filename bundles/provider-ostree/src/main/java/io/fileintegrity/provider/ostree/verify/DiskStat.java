package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.FileMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code lstat} of a path on disk, through the JDK's {@code unix:} attribute view. */
record DiskStat(int mode, int uid, int gid, long size, long device, long inode) {

    /** The stat, or empty when nothing is there. */
    static Optional<DiskStat> of(Path path) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,dev,ino", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new DiskStat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                    (Long) a.get("size"), (Long) a.get("dev"), (Long) a.get("ino")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    int type() {
        return mode & FileMeta.TYPE_MASK;
    }

    boolean isDirectory() {
        return type() == FileMeta.DIRECTORY;
    }

    boolean isRegular() {
        return type() == FileMeta.REGULAR;
    }

    boolean isSymlink() {
        return type() == FileMeta.SYMLINK;
    }

    boolean sameInode(DiskStat other) {
        return device == other.device && inode == other.inode;
    }
}
