package io.fileintegrity.provider.aide.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Latin1LineReaderTest {

    @Test
    void splitsLikeBufferedReaderAtLfCrAndCrLfIncludingAcrossBufferBoundaries() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] data = randomText(random, random.nextInt(3) == 0 ? 200_000 : 2_000);
            int chunk = 1 + random.nextInt(round % 2 == 0 ? 7 : 70_000);
            assertEquals(bufferedReaderLines(data), latin1Lines(new Trickle(data, chunk)), "round " + round);
        }
    }

    @Test
    void keepsEveryByteValueAsOneChar() throws IOException {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        List<String> lines = latin1Lines(new ByteArrayInputStream(data));
        assertEquals(bufferedReaderLines(data), lines);
        assertEquals((char) 0xff, lines.get(lines.size() - 1).charAt(lines.get(lines.size() - 1).length() - 1));
    }

    @Test
    void readsALineLongerThanTheBufferAndReturnsNullAtTheEnd() throws IOException {
        String longLine = "x".repeat(300_000);
        Latin1LineReader reader = new Latin1LineReader(
                new ByteArrayInputStream((longLine + "\r\nlast").getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(longLine, reader.readLine());
        assertEquals("last", reader.readLine());
        assertNull(reader.readLine());
        assertNull(reader.readLine());
    }

    private static byte[] randomText(Random random, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(40);
            data[i] = (byte) (kind == 0 ? '\n' : kind == 1 ? '\r' : random.nextInt(256));
        }
        return data;
    }

    private static List<String> bufferedReaderLines(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> latin1Lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Latin1LineReader r = new Latin1LineReader(in)) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Hands out at most {@code chunk} bytes per read, to put line ends on every buffer boundary. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;

        Trickle(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
