package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A second read of a file the scan saw as a regular file (the old-size prefix under {@code growing}, the
 * gzip content under {@code compressed}): opened as the scan opens files (never following a symlink,
 * never blocking on a FIFO, fstat must show a regular file with the scanned inode), read under the same
 * I/O cap, and the pages it brought into the page cache dropped again on close. Paths are byte strings.
 * Not thread-safe; close it.
 */
public final class ScannedFileInput extends InputStream {
    private static final int CHUNK = 1 << 16;
    private static final ThreadLocal<Memory> BUFFER = ThreadLocal.withInitial(() -> new Memory(CHUNK));

    private final String path;
    private final IoThrottle throttle;
    private final ScanCounters counters;
    private final UncachedPages uncached;
    private final Memory buffer = BUFFER.get();
    private int fd;
    private long position;

    private ScannedFileInput(String path, int fd, IoThrottle throttle, ScanCounters counters, UncachedPages uncached) {
        this.path = path;
        this.fd = fd;
        this.throttle = throttle;
        this.counters = counters;
        this.uncached = uncached;
    }

    /**
     * Opens {@code path} if it is still the regular file with inode {@code inode}; else an IOException.
     * With {@code dropPageCache} the pages not cached before are dropped after they were read.
     */
    public static ScannedFileInput open(String path, long inode, IoThrottle throttle, boolean dropPageCache,
            ScanCounters counters) throws IOException {
        int fd = ContentReader.open(path);
        try {
            FileStat st = NativeFiles.fstat(fd, path);
            if (!FileTypes.isRegular(st.mode()) || st.ino() != inode) {
                throw new IOException("'" + path + "' is no longer the scanned regular file");
            }
            UncachedPages uncached = dropPageCache ? UncachedPages.of(fd, st.size(), CHUNK) : null;
            return new ScannedFileInput(path, fd, throttle, counters, uncached);
        } catch (IOException | RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            long n = LibC.read(fd, buffer, Math.min(len, CHUNK));
            if (n > 0) {
                acquire(n);
                buffer.read(0, b, off, (int) n);
                counters.hashed(n);
                if (uncached != null && !uncached.isEmpty()) {
                    counters.droppedFromCache(uncached.dropReadPieces(fd, position, position + n));
                }
                position += n;
                return (int) n;
            }
            if (n == 0) {
                return -1;
            }
            int errno = Native.getLastError();
            if (errno != LibC.EINTR && errno != LibC.EAGAIN) {
                throw new NativeIOException("read", path, errno);
            }
        }
    }

    private void acquire(long n) throws InterruptedIOException {
        try {
            throttle.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading '" + path + "' was interrupted");
        }
    }

    @Override
    public void close() {
        if (fd >= 0) {
            if (uncached != null && !uncached.isEmpty()) {
                // a partly read file: drop what was read of its last piece too
                counters.droppedFromCache(uncached.dropReadPieces(fd, position, Long.MAX_VALUE / 2));
            }
            LibC.close(fd);
            fd = -1;
        }
    }
}
