package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The C library calls the scanner needs and Java NIO does not offer (JNA direct mapping): lstat with
 * st_blocks, byte-exact directory listing, xattrs (ACLs, SELinux, capabilities), the e2fs flags ioctl,
 * page-cache residency (cachestat, mincore) and posix_fadvise. Paths are NUL-terminated byte arrays.
 * After a call returns -1 (or null), {@link Native#getLastError()} holds errno. Linux x86_64 and aarch64.
 */
final class LibC {
    static final boolean AARCH64 = Platform.isARM() && Platform.is64Bit();

    static final int O_RDONLY = 0;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int O_NOATIME = 01000000;
    static final int O_NOFOLLOW = AARCH64 ? 0100000 : 0400000;
    static final int O_DIRECTORY = AARCH64 ? 040000 : 0200000;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EACCES = 13;
    static final int ENOTDIR = 20;
    static final int EAGAIN = 11;
    static final int EINVAL = 22;
    static final int ERANGE = 34;
    static final int ENODATA = 61;
    static final int EOPNOTSUPP = 95;
    static final int EPERM = 1;
    static final int ELOOP = 40;

    static final int ENOSYS = 38;
    static final int ENODEV = 19;

    static final int POSIX_FADV_DONTNEED = 4;
    /** {@code cachestat(2)} (Linux 6.5+): the same number on x86_64 and aarch64. */
    static final long SYS_CACHESTAT = 451;
    static final int PROT_READ = 1;
    static final int MAP_SHARED = 1;
    static final long FS_IOC_GETFLAGS = 0x80086601L;

    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {}

    static native int lstat(byte[] path, Pointer buf);

    static native int fstat(int fd, Pointer buf);

    static native int open(byte[] path, int flags, int mode);

    static native int close(int fd);

    static native long read(int fd, Pointer buf, long count);

    static native int posix_fadvise(int fd, long offset, long len, int advice);

    /** {@code syscall(SYS_cachestat, fd, range, cstat, flags)}; glibc has no wrapper. */
    static native long syscall(long number, int fd, Pointer range, Pointer cstat, int flags);

    static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    static native int munmap(Pointer addr, long length);

    static native int mincore(Pointer addr, long length, Pointer vec);

    static native int getpagesize();

    static native int ioctl(int fd, long request, Pointer arg);

    static native long readlink(byte[] path, Pointer buf, long size);

    static native long llistxattr(byte[] path, Pointer list, long size);

    static native long lgetxattr(byte[] path, byte[] name, Pointer value, long size);

    static native long flistxattr(int fd, Pointer list, long size);

    static native long fgetxattr(int fd, byte[] name, Pointer value, long size);

    static native Pointer opendir(byte[] path);

    static native Pointer readdir(Pointer dir);

    static native int closedir(Pointer dir);

    static native Pointer getpwuid(int uid);

    static native Pointer getgrgid(int gid);

    static native String strerror(int errno);
}
