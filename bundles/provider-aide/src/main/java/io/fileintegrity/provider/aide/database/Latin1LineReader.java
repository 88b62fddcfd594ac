package io.fileintegrity.provider.aide.database;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a byte stream as byte strings (one char per byte), split like {@link java.io.BufferedReader}
 * does: at {@code \n}, {@code \r} or {@code \r\n}. Unlike an {@code InputStreamReader}, bytes go
 * straight into compact Latin-1 strings without a detour through {@code char[]}, which halves the cost
 * of reading a large database. Not thread-safe.
 */
final class Latin1LineReader implements Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean skipLf;

    Latin1LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String readLine() throws IOException {
        int start = pos;
        int scan = pos;
        while (true) {
            if (scan == limit) {
                int kept = scan - start;
                if (!fill(start)) {
                    return kept == 0 ? null : take(0, kept, kept);
                }
                start = 0;
                scan = kept;
                continue;
            }
            byte b = buf[scan];
            if (skipLf && scan == start && b == '\n') {
                skipLf = false;
                start++;
                scan++;
                continue;
            }
            skipLf = false;
            if (b == '\n' || b == '\r') {
                skipLf = b == '\r';
                return take(start, scan - start, scan + 1);
            }
            scan++;
        }
    }

    private String take(int from, int length, int next) {
        pos = next;
        return new String(buf, from, length, StandardCharsets.ISO_8859_1);
    }

    /** Moves the unread bytes from {@code start} to the front (growing the buffer if full) and reads more. */
    private boolean fill(int start) throws IOException {
        int kept = limit - start;
        if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (start > 0) {
            System.arraycopy(buf, start, buf, 0, kept);
        }
        pos = 0;
        limit = kept;
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            pos = limit;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
