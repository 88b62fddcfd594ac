package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Memory;

/**
 * ext2/3/4 inode flags ({@code chattr}) through the {@code FS_IOC_GETFLAGS} ioctl. Like e2fsprogs'
 * {@code fgetflags}, only regular files and directories are asked; null means "cannot be read".
 */
final class E2fsFlags {
    private static final ThreadLocal<Memory> VALUE = ThreadLocal.withInitial(() -> new Memory(8));

    private E2fsFlags() {}

    static Long ofDescriptor(int fd) {
        Memory v = VALUE.get();
        v.setLong(0, 0);
        if (LibC.ioctl(fd, LibC.FS_IOC_GETFLAGS, v) != 0) {
            return null;
        }
        return Integer.toUnsignedLong(v.getInt(0));
    }

    static Long ofDirectory(String path) {
        int fd;
        try {
            fd = ContentReader.openNoBlock(path, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_NOFOLLOW
                    | LibC.O_CLOEXEC | LibC.O_DIRECTORY);
        } catch (NativeIOException e) {
            return null;
        }
        try {
            return ofDescriptor(fd);
        } finally {
            LibC.close(fd);
        }
    }
}
