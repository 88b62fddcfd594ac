package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.scan.HashProvider;
import io.fileintegrity.provider.aide.scan.IoThrottle;
import io.fileintegrity.provider.aide.scan.ScanSettings;
import io.fileintegrity.provider.aide.scan.ScanCounters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Second reads of files on disk: prefixes, gzip content, and every file that must not be read. */
@Timeout(30)
class DiskContentTest {
    interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int mkfifo(String path, int mode);
    }

    private static final AttributeSet HASHES = AttributeSet.of(Attribute.SHA256, Attribute.SHA512);
    private static final byte[] TEXT = "first line\nsecond line\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private final ScanCounters counters = new ScanCounters();

    private DiskContent content() {
        return content(Cancellation.NEVER);
    }

    private DiskContent content(Cancellation cancellation) {
        return new DiskContent(ScanSettings.defaults().withRootPrefix(dir.toString()).withHashProvider(HashProvider.JDK),
                new IoThrottle(0), counters, cancellation);
    }

    private DbEntry entry(String name) throws IOException {
        long inode = (Long) Files.getAttribute(dir.resolve(name.substring(1)), "unix:ino",
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return new DbEntry(name).inode(inode);
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void prefixDigestsCoverExactlyTheOldLength() throws Exception {
        Files.write(dir.resolve("log"), TEXT);
        Map<Attribute, byte[]> d = content().prefixDigests(entry("/log"), 11, HASHES).orElseThrow();
        assertArrayEquals(sha256(Arrays.copyOf(TEXT, 11)), d.get(Attribute.SHA256));
        assertEquals(HASHES.toList(), d.keySet().stream().toList());
    }

    @Test
    void aFileShorterThanTheOldLengthHasNoPrefixDigestsAndAWarning() throws Exception {
        Files.write(dir.resolve("log"), TEXT);
        assertEquals(Optional.empty(), content().prefixDigests(entry("/log"), TEXT.length + 1, HASHES));
        assertTrue(counters.warnings().get(0).contains("fewer than its old size"), counters.warnings().toString());
    }

    @Test
    void uncompressedDigestsAreThoseOfTheGzipContent() throws Exception {
        gzip(dir.resolve("log.gz"), TEXT);
        Map<Attribute, byte[]> d = content().uncompressedDigests(entry("/log.gz"), HASHES, Long.MAX_VALUE, 100)
                .orElseThrow();
        assertArrayEquals(sha256(TEXT), d.get(Attribute.SHA256));
        Map<Attribute, byte[]> limited = content().uncompressedDigests(entry("/log.gz"), HASHES, 5, 100).orElseThrow();
        assertArrayEquals(sha256(Arrays.copyOf(TEXT, 5)), limited.get(Attribute.SHA256));
    }

    @Test
    void plainCorruptTruncatedOrTooLongGzipContentHasNoDigests() throws Exception {
        Files.write(dir.resolve("plain.gz"), TEXT);
        gzip(dir.resolve("ok.gz"), TEXT);
        byte[] gz = Files.readAllBytes(dir.resolve("ok.gz"));
        Files.write(dir.resolve("truncated.gz"), Arrays.copyOf(gz, gz.length - 8));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        Files.write(dir.resolve("badcrc.gz"), badCrc);
        for (String name : new String[] {"/plain.gz", "/truncated.gz", "/badcrc.gz"}) {
            assertEquals(Optional.empty(), content().uncompressedDigests(entry(name), HASHES, Long.MAX_VALUE, 100), name);
        }
        assertEquals(Optional.empty(), content().uncompressedDigests(entry("/ok.gz"), HASHES, Long.MAX_VALUE,
                TEXT.length - 1));
        assertTrue(content().uncompressedDigests(entry("/ok.gz"), HASHES, Long.MAX_VALUE, TEXT.length).isPresent());
    }

    @Test
    void fifosSymlinksAndReplacedFilesAreNeverRead() throws Exception {
        assertEquals(0, C.INSTANCE.mkfifo(dir.resolve("fifo").toString(), 0644));
        Files.write(dir.resolve("target"), TEXT);
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));
        DbEntry replaced = entry("/target").inode(entry("/target").inode() + 1);
        assertEquals(Optional.empty(), content().prefixDigests(entry("/fifo"), 1, HASHES));
        assertEquals(Optional.empty(), content().prefixDigests(entry("/link"), 1, HASHES));
        assertEquals(Optional.empty(), content().prefixDigests(replaced, 1, HASHES));
        assertEquals(Optional.empty(), content().uncompressedDigests(entry("/fifo"), HASHES, Long.MAX_VALUE, 100));
        assertEquals(Optional.empty(), content().prefixDigests(new DbEntry("/missing"), 1, HASHES));
        assertEquals(4, counters.warnings().size(), counters.warnings().toString());
    }

    @Test
    void aCancelledRunStopsReading() throws Exception {
        Files.write(dir.resolve("log"), TEXT);
        DiskContent cancelled = content(() -> true);
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> cancelled.prefixDigests(entry("/log"), 5, HASHES));
    }

    private static void gzip(Path p, byte[] data) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(data);
        }
    }
}
