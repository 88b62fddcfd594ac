package io.fileintegrity.provider.aide.scan;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which pages of a file were not in the page cache before a scan read it, taken before the first read
 * (once reading starts, the kernel's readahead caches pages ahead of the reader). Kept per piece of
 * {@code pieceSize} bytes: a piece that is all cached needs nothing; one that is partly cached keeps
 * its page flags, so that only the pages the scan brought in are dropped; one whose pages cannot be
 * told is left alone. Not thread-safe; one per file read.
 */
final class UncachedPages {
    private final long pieceSize;
    private final long fileSize;
    /** Pieces none of whose pages were cached. */
    private final BitSet whole = new BitSet();
    /** Partly cached pieces: their page flags. */
    private final Map<Integer, byte[]> partial = new HashMap<>();

    private UncachedPages(long pieceSize, long fileSize) {
        this.pieceSize = pieceSize;
        this.fileSize = fileSize;
    }

    /** Takes stock of the open file {@code fd} of {@code size} bytes (pieces a multiple of the page size). */
    static UncachedPages of(int fd, long size, long pieceSize) {
        UncachedPages u = new UncachedPages(pieceSize, size);
        for (long offset = 0; offset < size; offset += pieceSize) {
            if (PageCacheResidency.of(fd, offset, pieceSize, size) != PageCacheResidency.State.NOT_RESIDENT) {
                continue;
            }
            int piece = (int) (offset / pieceSize);
            byte[] flags = PageCacheResidency.pageFlags(fd, offset, Math.min(offset + pieceSize, size));
            if (flags != null && noneCached(flags)) {
                u.whole.set(piece);
            } else if (flags != null) {
                u.partial.put(piece, flags);
            }
        }
        return u;
    }

    boolean isEmpty() {
        return whole.isEmpty() && partial.isEmpty();
    }

    /**
     * After bytes up to {@code readEnd} were read: drops the pages this scan brought in of every piece
     * that has now been read to its end (or to the end of the file). Returns the bytes dropped.
     */
    long dropReadPieces(int fd, long readStart, long readEnd) {
        long dropped = 0;
        for (long p = readStart / pieceSize; p * pieceSize < Math.min(readEnd, fileSize); p++) {
            long pieceEnd = Math.min((p + 1) * pieceSize, fileSize);
            if (readEnd >= pieceEnd) {
                dropped += dropPiece(fd, (int) p);
            }
        }
        return dropped;
    }

    private long dropPiece(int fd, int piece) {
        long start = piece * pieceSize;
        if (whole.get(piece)) {
            whole.clear(piece);
            return dontNeed(fd, start, pieceSize);
        }
        byte[] flags = partial.remove(piece);
        if (flags == null) {
            return 0;
        }
        long page = PageCacheResidency.pageSize();
        long dropped = 0;
        for (int i = 0; i < flags.length; ) {
            if ((flags[i] & 1) != 0) {
                i++;
                continue;
            }
            int run = i;
            while (i < flags.length && (flags[i] & 1) == 0) {
                i++;
            }
            dropped += dontNeed(fd, start + run * page, (i - run) * page);
        }
        return dropped;
    }

    /** Drops whole pages of {@code [offset, offset + length)}; returns the file bytes in them. */
    private long dontNeed(int fd, long offset, long length) {
        if (LibC.posix_fadvise(fd, offset, length, LibC.POSIX_FADV_DONTNEED) != 0) {
            return 0;
        }
        return Math.max(0, Math.min(offset + length, fileSize) - offset);
    }

    private static boolean noneCached(byte[] flags) {
        for (byte f : flags) {
            if ((f & 1) != 0) {
                return false;
            }
        }
        return true;
    }
}
