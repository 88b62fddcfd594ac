package io.fileintegrity.provider.ima.log;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;

/** Buffered reads of u32 integers and byte runs in one byte order, counting the position. */
final class BinaryListInput implements Closeable {

    private final InputStream in;
    private final ByteOrder order;
    private long position;

    BinaryListInput(InputStream in, ByteOrder order, long startPosition) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.order = order;
        this.position = startPosition;
    }

    ByteOrder order() {
        return order;
    }

    long position() {
        return position;
    }

    boolean atEnd() throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b < 0;
    }

    long u32(String what) throws IOException {
        byte[] b = bytes(4, what);
        return order == ByteOrder.LITTLE_ENDIAN
                ? (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24
                : (b[3] & 0xffL) | (b[2] & 0xffL) << 8 | (b[1] & 0xffL) << 16 | (b[0] & 0xffL) << 24;
    }

    /** Exactly {@code count} bytes; {@link EOFException} naming what was cut short. */
    byte[] bytes(int count, String what) throws IOException {
        byte[] out = new byte[count];
        int read = in.readNBytes(out, 0, count);
        position += read;
        if (read < count) {
            throw new EOFException(what + " needs " + count + " bytes, only " + read + " left");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
