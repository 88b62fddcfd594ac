package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a regular file once and feeds every requested digest from the same buffer (as AIDE does),
 * without ever blocking on a file that turned into a FIFO or device (O_NONBLOCK, O_NOFOLLOW, fstat
 * re-check against the walk's lstat). Before a file is read, {@link UncachedPages} notes which of its
 * pages are not in the page cache; those are dropped again after they were hashed
 * ({@code posix_fadvise(DONTNEED)}), so a scan leaves the page cache as it found it (pages whose
 * residency cannot be told are left cached). Thread-safe.
 */
final class ContentReader {
    private static final int BUFFER = 1 << 20;
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final HashProvider provider;
    private final IoThrottle throttle;
    private final boolean dropPageCache;
    private final ScanCounters counters;
    private final ThreadLocal<Map<Attribute, MessageDigest>> digests;

    ContentReader(HashProvider provider, IoThrottle throttle, boolean dropPageCache, ScanCounters counters) {
        this.provider = provider;
        this.throttle = throttle;
        this.dropPageCache = dropPageCache;
        this.counters = counters;
        this.digests = ThreadLocal.withInitial(() -> new EnumMap<>(Attribute.class));
    }

    /** What reading a file gave: digests (null if the file changed while read) and e2fs flags (or null). */
    record Content(Map<Attribute, byte[]> digests, Long flags, String problem) {}

    /** Opens a regular file for {@link #read}: never blocking, never following a symlink. */
    static int open(String path) throws NativeIOException {
        return openNoBlock(path, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_NOFOLLOW | LibC.O_CLOEXEC);
    }

    /**
     * Reads the file open as {@code fd} (from {@link #open}); the caller closes it. {@code opened} is
     * the descriptor's fstat if the caller has it, else null.
     */
    Content read(int fd, String path, FileStat walk, FileStat opened, AttributeSet hashes, boolean wantFlags)
            throws NativeIOException, InterruptedException {
        FileStat open = opened != null ? opened : NativeFiles.fstat(fd, path);
        if (!FileTypes.isRegular(open.mode()) || !open.sameFileAs(walk)) {
            return new Content(null, null, "changed between lstat and open; no hashes stored");
        }
        Long flags = wantFlags ? E2fsFlags.ofDescriptor(fd) : null;
        if (hashes.isEmpty()) {
            return new Content(Map.of(), flags, null);
        }
        return digest(fd, path, open.size(), hashes, flags);
    }

    static int openNoBlock(String path, int flags) throws NativeIOException {
        byte[] cpath = Paths8.cString(path);
        int fd = LibC.open(cpath, flags | LibC.O_NOATIME, 0);
        if (fd < 0 && Native.getLastError() == LibC.EPERM) {
            fd = LibC.open(cpath, flags, 0);
        }
        if (fd < 0) {
            throw new NativeIOException("open", path, Native.getLastError());
        }
        return fd;
    }

    private Content digest(int fd, String path, long size, AttributeSet hashes, Long flags)
            throws NativeIOException, InterruptedException {
        Buffers b = BUFFERS.get();
        Map<Attribute, MessageDigest> active = digestsFor(hashes);
        long total = feed(fd, path, size, b, active.values());
        counters.hashed(total);
        if (total != size) {
            active.values().forEach(MessageDigest::reset);
            return new Content(null, flags, "read " + total + " bytes but the size is " + size + "; no hashes stored");
        }
        Map<Attribute, byte[]> result = new EnumMap<>(Attribute.class);
        active.forEach((a, d) -> result.put(a, d.digest()));
        return new Content(result, flags, null);
    }

    /**
     * Reads the file to its end into the digests; returns the bytes read. One byte more than fstat's
     * size is asked for, so a short read is the end of a regular file and the usual final read that
     * returns 0 is saved (a file that grew meanwhile is still read to its end).
     */
    private long feed(int fd, String path, long size, Buffers b, Collection<MessageDigest> digests)
            throws NativeIOException, InterruptedException {
        UncachedPages uncached = dropPageCache ? UncachedPages.of(fd, size, BUFFER) : null;
        long total = 0;
        while (true) {
            long left = size + 1 - total;
            long want = left > 0 ? Math.min(BUFFER, left) : BUFFER;
            long n = LibC.read(fd, b.memory, want);
            if (n < 0) {
                int errno = Native.getLastError();
                if (errno != LibC.EINTR && errno != LibC.EAGAIN) {
                    throw new NativeIOException("read", path, errno);
                }
                continue;
            }
            if (n > 0) {
                throttle.acquire(n);
                b.memory.read(0, b.array, 0, (int) n);
                for (MessageDigest d : digests) {
                    d.update(b.array, 0, (int) n);
                }
                if (uncached != null && !uncached.isEmpty()) {
                    counters.droppedFromCache(uncached.dropReadPieces(fd, total, total + n));
                }
                total += n;
            }
            if (n == 0 || (n < want && total == size)) {
                return total;
            }
        }
    }

    private Map<Attribute, MessageDigest> digestsFor(AttributeSet hashes) {
        Map<Attribute, MessageDigest> all = digests.get();
        Map<Attribute, MessageDigest> active = new EnumMap<>(Attribute.class);
        for (Attribute a : hashes) {
            active.put(a, all.computeIfAbsent(a, provider::digest));
        }
        return active;
    }

    /** A native read buffer and a heap copy for the digests. */
    private static final class Buffers {
        final Memory memory = new Memory(BUFFER);
        final byte[] array = new byte[BUFFER];
    }
}
