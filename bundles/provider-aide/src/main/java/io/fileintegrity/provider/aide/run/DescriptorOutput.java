package io.fileintegrity.provider.aide.run;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code report_url=fd:N}: writes with {@code write(2)} on the inherited descriptor N, sharing its file
 * offset and flags (append, pipe, socket) as AIDE's {@code fdopen} does. The descriptor is not closed.
 * Only a descriptor the calling process passed on is used ({@link InheritedDescriptors}), never one
 * of the JVM's own.
 */
final class DescriptorOutput extends OutputStream {
    private final int fd;

    private DescriptorOutput(int fd) {
        this.fd = fd;
    }

    /**
     * Checks the descriptor as {@code fdopen(N, "w")} would: it must be open and not read-only.
     *
     * @throws IOException with AIDE's message {@code couldn't reopen file descriptor N} and the reason
     */
    static DescriptorOutput open(int fd) throws IOException {
        return open(fd, InheritedDescriptors.ofThisProcess());
    }

    /** As {@link #open(int)}, writing only to a descriptor {@code inherited} allows. */
    static DescriptorOutput open(int fd, InheritedDescriptors inherited) throws IOException {
        if (!inherited.allows(fd)) {
            throw new IOException("couldn't reopen file descriptor " + fd
                    + ": the calling process did not pass it (it is not open there)");
        }
        int flags = PosixCalls.fcntl(fd, PosixCalls.F_GETFL);
        if (flags < 0) {
            throw new IOException("couldn't reopen file descriptor " + fd + ": " + PosixCalls.lastError());
        }
        if ((flags & PosixCalls.O_ACCMODE) == PosixCalls.O_RDONLY) {
            throw new IOException("couldn't reopen file descriptor " + fd + ": it is open for reading only");
        }
        return new DescriptorOutput(fd);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        byte[] chunk = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
        int done = 0;
        while (done < len) {
            byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
            long n = PosixCalls.write(fd, rest, rest.length);
            if (n < 0) {
                if (Native.getLastError() == PosixCalls.EINTR) {
                    continue;
                }
                throw new IOException("write to file descriptor " + fd + " failed: " + PosixCalls.lastError());
            }
            done += (int) n;
        }
    }
}
