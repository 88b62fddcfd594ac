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

    /** One directory entry: its name (a byte string) and {@code d_type} ({@link #DT_UNKNOWN} if not known). */
    record DirEntry(String name, int type) {}

    static final int DT_UNKNOWN = 0;
    static final int DT_REG = 8;
    /** Offset of {@code d_type} in glibc's 64-bit {@code struct dirent}. */
    private static final int DIRENT_TYPE_OFFSET = 18;

    /** The entries of a directory (without {@code .} and {@code ..}) with their {@code d_type}, unsorted. */
    static List<DirEntry> listTyped(String dir) throws NativeIOException {
        Pointer d = LibC.opendir(Paths8.cString(dir));
        if (d == null) {
            throw new NativeIOException("opendir", dir, Native.getLastError());
        }
        try {
            List<DirEntry> entries = new ArrayList<>();
            Pointer e;
            while ((e = LibC.readdir(d)) != null) {
                String name = e.getString(DIRENT_NAME_OFFSET, "ISO-8859-1");
                if (!name.equals(".") && !name.equals("..")) {
                    entries.add(new DirEntry(name, e.getByte(DIRENT_TYPE_OFFSET) & 0xff));
                }
            }
            return entries;
        } finally {
            LibC.closedir(d);
        }
    }

    /** The names in a directory (without {@code .} and {@code ..}) as byte strings, unsorted. */
    public static List<String> list(String dir) throws NativeIOException {
        List<String> names = new ArrayList<>();
        for (DirEntry e : listTyped(dir)) {
            names.add(e.name());
        }
        return names;
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
        return listXattrs(path, -1);
    }

    /**
     * The xattr names of a file: of the open descriptor {@code fd} if it is not -1 (no path lookup),
     * else of {@code path} (not following symlinks); null when the file system does not support xattrs.
     */
    static List<String> listXattrs(String path, int fd) throws NativeIOException {
        byte[] cpath = fd < 0 ? Paths8.cString(path) : null;
        Memory buf = VALUE_BUFFER.get()[0];
        long n = listXattrs(cpath, fd, buf, buf.size());
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == LibC.EOPNOTSUPP) {
                return null;
            }
            if (errno != LibC.ERANGE) {
                throw new NativeIOException("llistxattr", path, errno);
            }
            buf = grow(listXattrs(cpath, fd, null, 0));
            n = listXattrs(cpath, fd, buf, buf.size());
            if (n < 0) {
                throw new NativeIOException("llistxattr", path, Native.getLastError());
            }
        }
        if (n == 0) {
            return List.of();
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

    private static long listXattrs(byte[] cpath, int fd, Pointer buf, long size) {
        return fd < 0 ? LibC.llistxattr(cpath, buf, size) : LibC.flistxattr(fd, buf, size);
    }

    /** The value of one xattr, or null when the attribute does not exist. */
    public static byte[] getXattr(String path, String name) throws NativeIOException {
        return getXattr(path, -1, name);
    }

    /** The value of one xattr of {@code fd} (if not -1) or else of {@code path}; null when it does not exist. */
    static byte[] getXattr(String path, int fd, String name) throws NativeIOException {
        byte[] cpath = fd < 0 ? Paths8.cString(path) : null;
        byte[] cname = Paths8.cString(name);
        Memory buf = VALUE_BUFFER.get()[0];
        for (int attempt = 0; attempt < 4; attempt++) {
            long n = getXattr(cpath, fd, cname, buf, buf.size());
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
            buf = grow(getXattr(cpath, fd, cname, null, 0));
        }
        throw new NativeIOException("lgetxattr " + name, path, LibC.ERANGE);
    }

    private static long getXattr(byte[] cpath, int fd, byte[] cname, Pointer buf, long size) {
        return fd < 0 ? LibC.lgetxattr(cpath, cname, buf, size) : LibC.fgetxattr(fd, cname, buf, size);
    }

    private static Memory grow(long needed) {
        Memory[] holder = VALUE_BUFFER.get();
        if (needed > holder[0].size()) {
            holder[0] = new Memory(Math.max(needed, holder[0].size() * 2));
        }
        return holder[0];
    }
}
