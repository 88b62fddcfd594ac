package io.fileintegrity.provider.aide.scan;

import java.io.IOException;

/** A failed C library call: the operation, the path and errno. */
public final class NativeIOException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    NativeIOException(String operation, String path, int errno) {
        super(operation + " " + Paths8.display(path) + ": " + describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The file disappeared (ENOENT or ENOTDIR on the way). */
    public boolean vanished() {
        return errno == LibC.ENOENT || errno == LibC.ENOTDIR;
    }

    public boolean permissionDenied() {
        return errno == LibC.EACCES || errno == LibC.EPERM;
    }

    private static String describe(int errno) {
        try {
            return LibC.strerror(errno);
        } catch (RuntimeException | LinkageError e) {
            return "errno " + errno;
        }
    }
}
