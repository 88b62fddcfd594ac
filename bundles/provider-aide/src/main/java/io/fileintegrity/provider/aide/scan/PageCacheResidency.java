package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.BitSet;

/**
 * Whether all pages of (a range of) an open file are in the page cache, asked <em>before</em> it is
 * read, so that a scan drops from the cache only what it brought in. Uses {@code cachestat(2)} (Linux 6.5+,
 * one call per file); on older kernels (or where a seccomp filter refuses it) {@code mmap} +
 * {@code mincore} in 64 MiB windows. When neither works (a file system without mmap) the answer is
 * {@link State#UNKNOWN}, and callers must then leave the file in the cache. Thread-safe.
 */
final class PageCacheResidency {

    /** The answer for one file. */
    enum State { RESIDENT, NOT_RESIDENT, UNKNOWN }

    private static final long PAGE = LibC.getpagesize();
    private static final long WINDOW = 64L << 20;
    /** {@code struct cachestat_range} (2 x u64) followed by {@code struct cachestat} (5 x u64). */
    private static final ThreadLocal<Memory> CACHESTAT = ThreadLocal.withInitial(() -> new Memory(56));
    private static final ThreadLocal<Memory> VECTOR = ThreadLocal.withInitial(() -> new Memory(WINDOW / PAGE));
    private static volatile boolean cachestatUnavailable;

    private PageCacheResidency() {}

    /** Whether the first {@code size} bytes of the file open as {@code fd} are all cached. */
    static State of(int fd, long size) {
        return of(fd, 0, size, size);
    }

    /**
     * Whether the bytes {@code [offset, offset + length)} of the file open as {@code fd}, cut at its
     * size {@code fileSize}, are all cached. {@code offset} must be a multiple of the page size.
     */
    static State of(int fd, long offset, long length, long fileSize) {
        long end = Math.min(offset + length, fileSize);
        if (end <= offset) {
            return State.RESIDENT;
        }
        if (!cachestatUnavailable) {
            State state = byCachestat(fd, offset, end);
            if (state != null) {
                return state;
            }
        }
        return byMincore(fd, offset, end);
    }

    /**
     * The residency flags ({@code mincore}'s vector: bit 0 set = cached) of the pages holding
     * {@code [offset, end)}, {@code offset} page-aligned and the range at most 64 MiB; null when they
     * cannot be told.
     */
    static byte[] pageFlags(int fd, long offset, long end) {
        long length = end - offset;
        Pointer map = LibC.mmap(null, length, LibC.PROT_READ, LibC.MAP_SHARED, fd, offset);
        if (map == null || Pointer.nativeValue(map) == -1L) {
            return null;
        }
        try {
            Memory vector = VECTOR.get();
            return LibC.mincore(map, length, vector) == 0 ? vector.getByteArray(0, (int) pages(offset, end)) : null;
        } finally {
            LibC.munmap(map, length);
        }
    }

    static long pageSize() {
        return PAGE;
    }

    /** Whether this kernel answers {@code cachestat(2)} (tests use it to pick their assertion). */
    static boolean cachestatWorks() {
        return !cachestatUnavailable;
    }

    private static State byCachestat(int fd, long offset, long end) {
        Memory m = CACHESTAT.get();
        m.clear();
        m.setLong(0, offset);
        m.setLong(8, end - offset);
        if (LibC.syscall(LibC.SYS_CACHESTAT, fd, m, m.share(16), 0) != 0) {
            int errno = Native.getLastError();
            if (errno == LibC.ENOSYS || errno == LibC.EPERM) {
                cachestatUnavailable = true;
            }
            return null;
        }
        long cachedPages = m.getLong(16);
        return cachedPages >= pages(offset, end) ? State.RESIDENT : State.NOT_RESIDENT;
    }

    /** The {@code mmap} + {@code mincore} answer for {@code [offset, end)} (the fallback; package-private for its test). */
    static State byMincore(int fd, long offset, long end) {
        Memory vector = VECTOR.get();
        for (long window = offset; window < end; window += WINDOW) {
            long length = Math.min(WINDOW, end - window);
            Pointer map = LibC.mmap(null, length, LibC.PROT_READ, LibC.MAP_SHARED, fd, window);
            if (map == null || Pointer.nativeValue(map) == -1L) {
                return State.UNKNOWN;
            }
            try {
                if (LibC.mincore(map, length, vector) != 0) {
                    return State.UNKNOWN;
                }
            } finally {
                LibC.munmap(map, length);
            }
            if (!allResident(vector, (int) pages(window, window + length))) {
                return State.NOT_RESIDENT;
            }
        }
        return State.RESIDENT;
    }

    private static boolean allResident(Memory vector, int pages) {
        byte[] flags = vector.getByteArray(0, pages);
        for (byte flag : flags) {
            if ((flag & 1) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Pages holding the bytes {@code [offset, end)}, {@code offset} page-aligned. */
    private static long pages(long offset, long end) {
        return (end - offset + PAGE - 1) / PAGE;
    }
}
