package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata calls on byte-string paths, never following symlinks. Thread-safe (per-thread buffers).
 */
public final class NativeFiles {
    /** Offset of {@code d_name} in glibc's 64-bit {@code struct dirent}. */
    private static final int DIRENT_NAME_OFFSET = 19;
    private static final ThreadLocal<Memory> STAT_BUFFER = ThreadLocal.withInitial(() -> new Memory(256));
    private static final ThreadLocal<Memory[]> VALUE_BUFFER =
            ThreadLocal.withInitial(() -> new Memory[] {new Memory(4096)});

    private NativeFiles() {}

    /** {@code lstat} of a path. */
    public static FileStat lstat(String path) throws NativeIOException {
        Memory buf = STAT_BUFFER.get();
        if (LibC.lstat(Paths8.cString(path), buf) != 0) {
            throw new NativeIOException("lstat", path, Native.getLastError());
        }
        return FileStat.from(buf);
    }

    static FileStat fstat(int fd, String path) throws NativeIOException {
        Memory buf = STAT_BUFFER.get();
        if (LibC.fstat(fd, buf) != 0) {
            throw new NativeIOException("fstat", path, Native.getLastError());
        }
        return FileStat.from(buf);
    }

    /** The names in a directory (without {@code .} and {@code ..}) as byte strings, unsorted. */
    public static List<String> list(String dir) throws NativeIOException {
        Pointer d = LibC.opendir(Paths8.cString(dir));
        if (d == null) {
            throw new NativeIOException("opendir", dir, Native.getLastError());
        }
        try {
            List<String> names = new ArrayList<>();
            Pointer e;
            while ((e = LibC.readdir(d)) != null) {
                String name = e.getString(DIRENT_NAME_OFFSET, "ISO-8859-1");
                if (!name.equals(".") && !name.equals("..")) {
                    names.add(name);
                }
            }
            return names;
        } finally {
            LibC.closedir(d);
        }
    }

    /** The target of a symlink as a byte string. */
    public static String readlink(String path) throws NativeIOException {
        byte[] cpath = Paths8.cString(path);
        for (int size = 4096; ; size *= 2) {
            Memory buf = new Memory(size);
            long n = LibC.readlink(cpath, buf, size);
            if (n < 0) {
                throw new NativeIOException("readlink", path, Native.getLastError());
            }
            if (n < size) {
                return new String(buf.getByteArray(0, (int) n), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }

    /**
     * The xattr names of a path, or null when the file system does not support xattrs.
     */
    public static List<String> listXattrs(String path) throws NativeIOException {
        byte[] cpath = Paths8.cString(path);
        Memory buf = VALUE_BUFFER.get()[0];
        long n = LibC.llistxattr(cpath, buf, buf.size());
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == LibC.EOPNOTSUPP) {
                return null;
            }
            if (errno != LibC.ERANGE) {
                throw new NativeIOException("llistxattr", path, errno);
            }
            n = LibC.llistxattr(cpath, null, 0);
            buf = grow(n);
            n = LibC.llistxattr(cpath, buf, buf.size());
            if (n < 0) {
                throw new NativeIOException("llistxattr", path, Native.getLastError());
            }
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf.getByte(i) == 0) {
                names.add(new String(buf.getByteArray(start, i - start), java.nio.charset.StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return names;
    }

    /** The value of one xattr, or null when the attribute does not exist. */
    public static byte[] getXattr(String path, String name) throws NativeIOException {
        byte[] cpath = Paths8.cString(path);
        byte[] cname = Paths8.cString(name);
        Memory buf = VALUE_BUFFER.get()[0];
        for (int attempt = 0; attempt < 4; attempt++) {
            long n = LibC.lgetxattr(cpath, cname, buf, buf.size());
            if (n >= 0) {
                return buf.getByteArray(0, (int) n);
            }
            int errno = Native.getLastError();
            if (errno == LibC.ENODATA || errno == LibC.EOPNOTSUPP) {
                return null;
            }
            if (errno != LibC.ERANGE) {
                throw new NativeIOException("lgetxattr " + name, path, errno);
            }
            buf = grow(LibC.lgetxattr(cpath, cname, null, 0));
        }
        throw new NativeIOException("lgetxattr " + name, path, LibC.ERANGE);
    }

    private static Memory grow(long needed) {
        Memory[] holder = VALUE_BUFFER.get();
        if (needed > holder[0].size()) {
            holder[0] = new Memory(Math.max(needed, holder[0].size() * 2));
        }
        return holder[0];
    }
}
