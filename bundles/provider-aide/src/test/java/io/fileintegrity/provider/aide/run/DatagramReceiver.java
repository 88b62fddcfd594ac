package io.fileintegrity.provider.aide.run;

import com.sun.jna.Native;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A unix datagram socket bound by a test: a stand-in for {@code /dev/log} that records every message. */
final class DatagramReceiver implements Closeable {
    private final Path path;
    private final int fd;
    private final List<byte[]> messages = new ArrayList<>();
    private final Thread reader;
    private volatile boolean stop;

    DatagramReceiver(Path path) throws IOException {
        this.path = path;
        fd = PosixCalls.socket(PosixCalls.AF_UNIX, PosixCalls.SOCK_DGRAM | PosixCalls.SOCK_CLOEXEC, 0);
        byte[] address = PosixCalls.unixAddress(path.toString());
        if (fd < 0 || PosixCalls.bind(fd, address, address.length) != 0) {
            throw new IOException("cannot bind " + path + ": " + PosixCalls.lastError());
        }
        reader = new Thread(this::receive, "datagram-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    private void receive() {
        byte[] buffer = new byte[1 << 17];
        while (true) {
            long n = PosixCalls.recv(fd, buffer, buffer.length, PosixCalls.MSG_DONTWAIT);
            if (n >= 0) {
                synchronized (messages) {
                    messages.add(Arrays.copyOf(buffer, (int) n));
                }
            } else if (Native.getLastError() == PosixCalls.EAGAIN) {
                if (stop) {
                    return;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** Every message received so far, after draining the socket. */
    List<byte[]> messages() throws IOException {
        stop = true;
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    public void close() throws IOException {
        stop = true;
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PosixCalls.close(fd);
        Files.deleteIfExists(path);
    }
}
