package io.fileintegrity.provider.aide.run;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;

/**
 * The C library calls report destinations need and Java lacks: unix datagram sockets (Java 17's
 * {@code UnixDomainSocketAddress} works only with stream channels) and {@code write(2)} on an inherited
 * descriptor. JNA direct mapping; after -1, {@link Native#getLastError()} holds errno. Linux x86_64 and
 * aarch64 (the constants are the same on both).
 */
final class PosixCalls {
    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 02000000;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int F_GETFL = 3;
    static final int O_ACCMODE = 3;
    static final int O_RDONLY = 0;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EPROTOTYPE = 91;
    /** {@code sizeof(sun_path)}. */
    private static final int SUN_PATH = 108;

    static {
        Native.register(PosixCalls.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private PosixCalls() {}

    static native int socket(int domain, int type, int protocol);

    static native int connect(int fd, byte[] address, int length);

    static native int bind(int fd, byte[] address, int length);

    static native long send(int fd, byte[] buffer, long length, int flags);

    static native long recv(int fd, byte[] buffer, long length, int flags);

    static native long write(int fd, byte[] buffer, long count);

    static native int fcntl(int fd, int command);

    static native int close(int fd);

    static native String strerror(int errno);

    /** errno of the last failed call, as text. */
    static String lastError() {
        return strerror(Native.getLastError());
    }

    /** A {@code struct sockaddr_un} for a path; the path must fit {@code sun_path} with its NUL. */
    static byte[] unixAddress(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length >= SUN_PATH) {
            throw new IllegalArgumentException("unix socket path longer than " + (SUN_PATH - 1) + " bytes: " + path);
        }
        byte[] address = new byte[2 + p.length + 1];
        address[0] = AF_UNIX; // sa_family_t, little-endian on x86_64 and aarch64
        System.arraycopy(p, 0, address, 2, p.length);
        return address;
    }
}
