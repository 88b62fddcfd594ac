package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner never blocks on special files, never loops, and goes on past vanished entries. */
class HostSafetyTest {
    interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int mkfifo(String path, int mode);
    }

    static final AttributeSet ATTRS = AttributeSet.of(Attribute.PERM, Attribute.SIZE, Attribute.SHA256,
            Attribute.SHA512, Attribute.XATTRS, Attribute.ACL, Attribute.E2FSATTRS, Attribute.LNAME);

    @TempDir
    Path dir;

    private Map<String, DbEntry> scan(EntrySelector selector, ScanCounters counters) throws IOException {
        Map<String, DbEntry> entries = new HashMap<>();
        try (FilesystemScan scan = new FilesystemScan(ScanSettings.defaults(), selector, Cancellation.NEVER, counters,
                new IoThrottle(0))) {
            for (DbEntry e; (e = scan.next()) != null; ) {
                entries.put(e.name().substring(dir.toString().length()), e);
            }
        }
        return entries;
    }

    @Test
    void fifosSocketsAndDevicesAreRecordedButNeverOpened() throws IOException {
        assertEquals(0, C.INSTANCE.mkfifo(dir.resolve("fifo").toString(), 0644));
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(dir.resolve("sock")));
            Files.writeString(dir.resolve("file"), "data");
            Map<String, DbEntry> e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> scan(new PrefixSelector(dir.toString(), ATTRS), new ScanCounters()));
            assertEquals(FileTypes.S_IFIFO, e.get("/fifo").fileType());
            assertEquals(FileTypes.S_IFSOCK, e.get("/sock").fileType());
            assertNull(e.get("/fifo").hash(Attribute.SHA256));
            assertTrue(e.get("/file").hash(Attribute.SHA256) != null);
            assertTrue(!e.get("/fifo").has(Attribute.SHA512) && e.get("/file").has(Attribute.SHA512));
        }
    }

    @Test
    void symlinksAreNeverFollowedSoALoopEndsAtTheLink() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createSymbolicLink(dir.resolve("a/b/up"), Path.of("../.."));
        Files.createSymbolicLink(dir.resolve("a/self"), Path.of("self"));
        Map<String, DbEntry> e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> scan(new PrefixSelector(dir.toString(), ATTRS), new ScanCounters()));
        assertEquals("../..", e.get("/a/b/up").linkName());
        assertEquals(FileTypes.S_IFLNK, e.get("/a/self").fileType());
        assertEquals(5, e.size(), e.keySet().toString());
    }

    @Test
    void entriesThatVanishDuringTheScanAreCountedAndTheScanGoesOn() throws IOException {
        for (int i = 0; i < 50; i++) {
            Files.writeString(dir.resolve("f" + i), "x" + i);
        }
        ScanCounters counters = new ScanCounters();
        EntrySelector deleting = (name, mode) -> {
            if (name.endsWith("/f10")) {
                try {
                    Files.deleteIfExists(dir.resolve("f11"));
                    Files.deleteIfExists(dir.resolve("f12"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new PrefixSelector(dir.toString(), ATTRS).decide(name, mode);
        };
        Map<String, DbEntry> e = scan(deleting, counters);
        assertEquals(49, e.size(), "the directory and 48 files");
        assertEquals(2L, counters.statistics().skippedByReason().get("vanished"));
        assertTrue(counters.warnings().stream().anyMatch(w -> w.contains("f11")), counters.warnings().toString());
    }

    @Test
    void cancellationStopsTheScan() throws IOException {
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("f" + i), "x");
        }
        List<Integer> polls = new ArrayList<>();
        Cancellation cancel = () -> {
            polls.add(1);
            return polls.size() > 5;
        };
        try (FilesystemScan scan = new FilesystemScan(ScanSettings.defaults(),
                new PrefixSelector(dir.toString(), ATTRS), cancel, new ScanCounters(), new IoThrottle(0))) {
            CancellationException thrown = null;
            try {
                while (scan.next() != null) {
                    // drain
                }
            } catch (CancellationException ex) {
                thrown = ex;
            }
            assertTrue(thrown != null, "a cancelled scan ends with CancellationException");
        }
    }

    @Test
    void hashesMatchTheJdkForBothProvidersAndAllTheBytesAreCounted() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(1).nextBytes(data);
        Files.write(dir.resolve("big"), data);
        for (HashProvider provider : HashProvider.values()) {
            ScanCounters counters = new ScanCounters();
            Map<String, DbEntry> e = new HashMap<>();
            try (FilesystemScan scan = new FilesystemScan(ScanSettings.defaults().withHashProvider(provider),
                    new PrefixSelector(dir.toString(), ATTRS), Cancellation.NEVER, counters, new IoThrottle(0))) {
                for (DbEntry x; (x = scan.next()) != null; ) {
                    e.put(x.name(), x);
                }
            }
            byte[] expected = java.security.MessageDigest.getInstance("SHA-512").digest(data);
            assertTrue(java.util.Arrays.equals(expected, e.get(dir + "/big").hash(Attribute.SHA512)), provider.name());
            assertEquals(data.length, counters.bytesHashed());
        }
    }

    @Test
    void filesThatWereNotCachedAreDroppedFromThePageCacheAndCachedOnesAreNot() throws IOException {
        byte[] data = new byte[4 << 20];
        new java.util.Random(2).nextBytes(data);
        Path cold = dir.resolve("cold");
        Path warm = dir.resolve("warm");
        Files.write(cold, data);
        Files.write(warm, data);
        try (var ch = java.nio.channels.FileChannel.open(cold, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        int fd = LibC.open(Paths8.cString(cold.toString()), LibC.O_RDONLY, 0);
        assertEquals(0, LibC.posix_fadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED));
        LibC.close(fd);
        Files.readAllBytes(warm);
        ScanCounters counters = new ScanCounters();
        scan(new PrefixSelector(dir.toString(), ATTRS), counters);
        assertEquals(2L * data.length, counters.bytesHashed());
        assertEquals((long) data.length, counters.statistics().pageCacheDroppedBytes(),
                "only the file that was not cached is released");
    }
}
