package io.fileintegrity.reporting.configmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.api.report.LogTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ConfigMapLogCodecTest {

    private static final int LIMIT = 1_048_570;
    private final ConfigMapLogCodec codec = new ConfigMapLogCodec();

    private static String logOfBytes(int bytes) {
        char[] text = new char[bytes];
        Arrays.fill(text, 'x');
        for (int i = 80; i < bytes; i += 81) {
            text[i] = '\n';
        }
        return new String(text);
    }

    @Test
    void logOfExactlyTheLimitIsStoredAsIs() throws Exception {
        String log = logOfBytes(LIMIT);
        ConfigMapLog stored = codec.encode(log);
        assertFalse(stored.compressed());
        assertEquals(log, stored.data());
    }

    @Test
    void logOneByteBelowTheLimitIsStoredAsIs() throws Exception {
        assertFalse(codec.encode(logOfBytes(LIMIT - 1)).compressed());
    }

    @Test
    void logOneByteOverTheLimitIsGzippedThenBase64EncodedAndDecodesBack() throws Exception {
        String log = logOfBytes(LIMIT + 1);
        ConfigMapLog stored = codec.encode(log);
        assertTrue(stored.compressed());
        byte[] gzip = Base64.getDecoder().decode(stored.data());
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, Arrays.copyOf(gzip, 2));
        assertFalse(stored.data().contains("\n"));
        assertEquals(log, codec.decode(stored));
    }

    @Test
    void limitIsMeasuredInUtf8BytesNotCharacters() throws Exception {
        String twoByteChars = "\u00e9".repeat(LIMIT / 2);
        assertFalse(codec.encode(twoByteChars).compressed());
        assertTrue(codec.encode(twoByteChars + "a").compressed());
        assertEquals(twoByteChars + "a", codec.decode(codec.encode(twoByteChars + "a")));
    }

    @Test
    void incompressibleLogIsRefusedWithFiosSentence() throws IOException {
        String log = randomText(3 * LIMIT);
        int compressedSize = gzip(log).length;
        LogTooLargeException error = assertThrows(LogTooLargeException.class, () -> codec.encode(log));
        assertEquals("compressed AIDE log is too large for a configMap (" + compressedSize
                + ")", error.getMessage());
    }

    @Test
    void logThatFitsCompressedButNotEncodedIsRefusedWithFiosSecondSentence() throws IOException {
        // Random base64 letters carry 6 bits each: 1.2 MB compresses to about 900 kB, which grows back
        // to about 1.2 MB in base64.
        String log = randomText(1_200_000);
        int compressedSize = gzip(log).length;
        int encodedSize = Base64.getEncoder().encodeToString(gzip(log)).length();
        assertTrue(compressedSize <= LIMIT && encodedSize > LIMIT, compressedSize + " / " + encodedSize);
        LogTooLargeException error = assertThrows(LogTooLargeException.class, () -> codec.encode(log));
        assertEquals("compressed, encoded AIDE log is too large for a configMap (" + encodedSize
                + ")", error.getMessage());
    }

    @Test
    void decodingUncompressedDataReturnsItUnchanged() throws Exception {
        assertEquals("plain\tlog\n", codec.decode(new ConfigMapLog("plain\tlog\n", false)));
    }

    @Test
    void decodingAcceptsBase64WrappedOverLines() throws Exception {
        String wrapped = Base64.getMimeEncoder().encodeToString(gzip("wrapped log\n"));
        assertEquals("wrapped log\n", codec.decode(new ConfigMapLog(wrapped, true)));
    }

    @Test
    void decodingInvalidBase64SaysSo() {
        IOException error = assertThrows(IOException.class, () -> codec.decode(new ConfigMapLog("not*base64!", true)));
        assertTrue(error.getMessage().startsWith("the compressed log is not valid base64"), error.getMessage());
    }

    @Test
    void decodingRefusesCharactersOutsideTheBase64AlphabetInsteadOfSkippingThem() throws IOException {
        String valid = Base64.getEncoder().encodeToString(gzip("log\n"));
        String damaged = valid.substring(0, 8) + "*" + valid.substring(8);
        IOException error = assertThrows(IOException.class, () -> codec.decode(new ConfigMapLog(damaged, true)));
        assertTrue(error.getMessage().startsWith("the compressed log is not valid base64"), error.getMessage());
    }

    @Test
    void decodingBase64ThatIsNotGzipSaysSo() {
        String notGzip = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        IOException error = assertThrows(IOException.class, () -> codec.decode(new ConfigMapLog(notGzip, true)));
        assertTrue(error.getMessage().startsWith("the compressed log is not valid gzip data"), error.getMessage());
    }

    @Test
    void decodingTruncatedGzipSaysSo() throws IOException {
        byte[] gzip = gzip(logOfBytes(10_000));
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(gzip, gzip.length / 2));
        IOException error = assertThrows(IOException.class, () -> codec.decode(new ConfigMapLog(truncated, true)));
        assertTrue(error.getMessage().startsWith("the compressed log is not valid gzip data"), error.getMessage());
    }

    private static String randomText(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(64)));
        }
        return text.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return buffer.toByteArray();
    }
}
