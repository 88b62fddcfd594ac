package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Pointer;

/**
 * The fields of {@code struct stat} AIDE uses, read from the native buffer of {@code lstat}/{@code fstat}.
 */
public record FileStat(long dev, long ino, int mode, long nlink, long uid, long gid, long rdev, long size,
        long blksize, long blocks, long atime, long mtime, long ctime) {

    /**
     * Stands for a regular file (by the directory's {@code d_type}) that the walker did not stat: the
     * hashing thread opens it and takes its metadata from {@code fstat}. Compared by identity.
     */
    static final FileStat UNREAD_REGULAR =
            new FileStat(-1, -1, io.fileintegrity.provider.aide.database.FileTypes.S_IFREG, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Size of the native buffer to pass to {@code lstat}. */
    static final int BUFFER_SIZE = 144;

    static FileStat from(Pointer p) {
        if (LibC.AARCH64) {
            return new FileStat(p.getLong(0), p.getLong(8), p.getInt(16), Integer.toUnsignedLong(p.getInt(20)),
                    Integer.toUnsignedLong(p.getInt(24)), Integer.toUnsignedLong(p.getInt(28)), p.getLong(32),
                    p.getLong(48), p.getInt(56), p.getLong(64), p.getLong(72), p.getLong(88), p.getLong(104));
        }
        return new FileStat(p.getLong(0), p.getLong(8), p.getInt(24), p.getLong(16),
                Integer.toUnsignedLong(p.getInt(28)), Integer.toUnsignedLong(p.getInt(32)), p.getLong(40),
                p.getLong(48), p.getLong(56), p.getLong(64), p.getLong(72), p.getLong(88), p.getLong(104));
    }

    /** Whether content-relevant fields match (AIDE's re-check between lstat and the open file). */
    boolean sameFileAs(FileStat o) {
        return dev == o.dev && ino == o.ino && mode == o.mode && size == o.size && mtime == o.mtime
                && ctime == o.ctime;
    }
}
