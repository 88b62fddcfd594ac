package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The second reads of growing/compressed go through the scan's rules: exact bytes, no symlink, no FIFO,
 * not a replaced file, and the page cache left as found. Real files under target/ (a disk file system).
 */
@Timeout(30)
class ScannedFileInputTest {
    private static final int SIZE = 3 << 20;

    private Path dir;
    private Path file;
    private byte[] data;

    @BeforeEach
    void writeFileToDisk() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "second-read-test")), "t");
        file = dir.resolve("log");
        data = new byte[SIZE];
        new Random(3).nextBytes(data);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(data));
            ch.force(true);
        }
        int fd = ContentReader.open(file.toString());
        LibC.posix_fadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED);
        LibC.close(fd);
    }

    @AfterEach
    void deleteFiles() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Test
    void readsTheFileExactlyAndDropsThePagesItBroughtIn() throws Exception {
        ScanCounters counters = new ScanCounters();
        byte[] read;
        try (ScannedFileInput in = ScannedFileInput.open(file.toString(), inode(file), new IoThrottle(0), true,
                counters)) {
            read = in.readAllBytes();
        }
        assertArrayEquals(data, read);
        assertEquals(SIZE, counters.bytesHashed());
        assertEquals(SIZE, counters.statistics().pageCacheDroppedBytes());
        assertNoPageCached();
    }

    @Test
    void aPrefixReadAlsoLeavesNoPagesOfTheRestBehind() throws Exception {
        ScanCounters counters = new ScanCounters();
        try (ScannedFileInput in = ScannedFileInput.open(file.toString(), inode(file), new IoThrottle(0), true,
                counters)) {
            assertEquals(100_000, in.readNBytes(100_000).length);
        }
        assertNoPageCached();
    }

    @Test
    void aFileReplacedSinceTheScanIsRefused() throws Exception {
        long scanned = inode(file);
        Path other = dir.resolve("other");
        Files.write(other, new byte[] {1});
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException e = assertThrows(IOException.class, () -> ScannedFileInput.open(file.toString(), scanned,
                new IoThrottle(0), false, new ScanCounters()));
        assertTrue(e.getMessage().contains("no longer the scanned regular file"), e.getMessage());
    }

    @Test
    void aSymlinkOrAFifoIsNeverOpened() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        assertThrows(IOException.class, () -> ScannedFileInput.open(link.toString(), inode(file), new IoThrottle(0),
                false, new ScanCounters()));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertThrows(IOException.class, () -> ScannedFileInput.open(fifo.toString(), inode(fifo), new IoThrottle(0),
                false, new ScanCounters()));
    }

    private void assertNoPageCached() throws IOException {
        int fd = ContentReader.open(file.toString());
        try {
            assertEquals(PageCacheResidency.State.NOT_RESIDENT, PageCacheResidency.byMincore(fd, 0, SIZE));
        } finally {
            LibC.close(fd);
        }
    }

    private static long inode(Path p) throws IOException {
        return (Long) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }
}
