package io.fileintegrity.provider.aide.run;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.fileintegrity.provider.aide.database.FileTypes;
import io.fileintegrity.provider.aide.scan.Paths8;
import java.io.IOException;
import java.io.InputStream;

/**
 * A regular file opened for a second read during a compare: never following a symlink and never
 * blocking on a FIFO or opening a device as a file (O_NOFOLLOW, O_NONBLOCK, then fstat must show a
 * regular file with the scanned inode). Paths are byte strings. At most one open instance per thread
 * (the native buffers are per thread); close it.
 */
final class RegularFileInput extends InputStream {
    private static final boolean AARCH64 = Platform.isARM() && Platform.is64Bit();
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final int O_NOATIME = 01000000;
    private static final int O_NOFOLLOW = AARCH64 ? 0100000 : 0400000;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int EPERM = 1;
    private static final int CHUNK = 1 << 16;

    static {
        Native.register(RegularFileInput.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private static native int open(byte[] path, int flags, int mode);

    private static native int fstat(int fd, Pointer buf);

    private static native long read(int fd, Pointer buf, long count);

    private static native int close(int fd);

    private final String path;
    private static final ThreadLocal<Memory> BUFFER = ThreadLocal.withInitial(() -> new Memory(CHUNK));
    private static final ThreadLocal<Memory> STAT = ThreadLocal.withInitial(() -> new Memory(256));

    private final Memory buffer = BUFFER.get();
    private final long size;
    private int fd;

    private RegularFileInput(String path, int fd, long size) {
        this.path = path;
        this.fd = fd;
        this.size = size;
    }

    /** Opens {@code path} if it is still the regular file with inode {@code inode}; else an IOException. */
    static RegularFileInput open(String path, long inode) throws IOException {
        int flags = O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC;
        byte[] cpath = Paths8.cString(path);
        int fd = open(cpath, flags | O_NOATIME, 0);
        if (fd < 0 && Native.getLastError() == EPERM) {
            fd = open(cpath, flags, 0);
        }
        if (fd < 0) {
            throw new IOException("cannot open '" + path + "': errno " + Native.getLastError());
        }
        Memory stat = STAT.get();
        if (fstat(fd, stat) != 0) {
            close(fd);
            throw new IOException("cannot fstat '" + path + "': errno " + Native.getLastError());
        }
        int mode = stat.getInt(AARCH64 ? 16 : 24);
        if (!FileTypes.isRegular(mode) || stat.getLong(8) != inode) {
            close(fd);
            throw new IOException("'" + path + "' is no longer the scanned regular file");
        }
        return new RegularFileInput(path, fd, stat.getLong(48));
    }

    /** The size fstat gave when the file was opened. */
    long size() {
        return size;
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
            long n = read(fd, buffer, Math.min(len, CHUNK));
            if (n > 0) {
                buffer.read(0, b, off, (int) n);
                return (int) n;
            }
            if (n == 0) {
                return -1;
            }
            int errno = Native.getLastError();
            if (errno != EINTR && errno != EAGAIN) {
                throw new IOException("cannot read '" + path + "': errno " + errno);
            }
        }
    }

    @Override
    public void close() {
        if (fd >= 0) {
            close(fd);
            fd = -1;
        }
    }
}
