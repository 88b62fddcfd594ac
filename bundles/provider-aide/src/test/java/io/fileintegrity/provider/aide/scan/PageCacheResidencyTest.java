package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan leaves the page cache as it found it: files that were fully cached stay cached, files it read
 * from disk are dropped. Uses real files under target/ (a disk file system, unlike a tmpfs /tmp, where
 * pages cannot be dropped), so residency is asserted with both cachestat(2) and mincore.
 */
class PageCacheResidencyTest {
    private static final int SIZE = 12 << 20;

    private Path file;

    @BeforeEach
    void writeFileToDisk() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "page-cache-test"));
        file = Files.createTempFile(dir, "content", ".bin");
        byte[] data = new byte[SIZE];
        new Random(7).nextBytes(data);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(data));
            ch.force(true);
        }
        dropFromCache();
        assertEquals(PageCacheResidency.State.NOT_RESIDENT, residency(),
                "the test needs a file system whose pages posix_fadvise(DONTNEED) can drop: " + file);
    }

    @AfterEach
    void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Test
    void aFileReadFromDiskIsDroppedFromTheCacheAfterHashing() throws Exception {
        ScanCounters counters = readWithContentReader();
        assertEquals(PageCacheResidency.State.NOT_RESIDENT, residency());
        assertEquals(PageCacheResidency.State.NOT_RESIDENT, withFd(fd -> PageCacheResidency.byMincore(fd, 0, SIZE)));
        assertEquals(SIZE, counters.statistics().pageCacheDroppedBytes());
    }

    @Test
    void aFullyCachedFileStaysCachedAfterHashing() throws Exception {
        Files.readAllBytes(file); // like `cat file`
        assertEquals(PageCacheResidency.State.RESIDENT, residency());
        ScanCounters counters = readWithContentReader();
        assertEquals(PageCacheResidency.State.RESIDENT, residency());
        assertEquals(PageCacheResidency.State.RESIDENT, withFd(fd -> PageCacheResidency.byMincore(fd, 0, SIZE)));
        assertEquals(0, counters.statistics().pageCacheDroppedBytes());
    }

    @Test
    void ofAPartlyCachedFileOnlyTheChunksThatWereCachedStayCached() throws Exception {
        int mib = 1 << 20;
        try (FileChannel ch = FileChannel.open(file)) {
            ch.read(ByteBuffer.allocate(mib), 0);
        }
        assertEquals(PageCacheResidency.State.NOT_RESIDENT, residency());
        assertEquals(PageCacheResidency.State.NOT_RESIDENT, withFd(fd -> PageCacheResidency.byMincore(fd, 0, SIZE)));
        ScanCounters counters = readWithContentReader();
        assertEquals(PageCacheResidency.State.RESIDENT, withFd(fd -> PageCacheResidency.of(fd, 0, mib, SIZE)));
        assertEquals(PageCacheResidency.State.RESIDENT, withFd(fd -> PageCacheResidency.byMincore(fd, 0, mib)));
        assertEquals(PageCacheResidency.State.NOT_RESIDENT,
                withFd(fd -> PageCacheResidency.byMincore(fd, 4L * mib, SIZE)));
        long dropped = counters.statistics().pageCacheDroppedBytes();
        assertTrue(dropped >= SIZE - 2L * mib && dropped <= SIZE - mib, "dropped " + dropped);
    }

    @Test
    void ofAFileWithAFewEvictedPagesOnlyThosePagesAreDroppedAgain() throws Exception {
        Files.readAllBytes(file);
        long page = PageCacheResidency.pageSize();
        long hole = 5L << 20;
        withFd(fd -> LibC.posix_fadvise(fd, hole, 2 * page, LibC.POSIX_FADV_DONTNEED));
        assertEquals(PageCacheResidency.State.NOT_RESIDENT, residency());
        ScanCounters counters = readWithContentReader();
        byte[] flags = withFd(fd -> PageCacheResidency.pageFlags(fd, 0, SIZE));
        for (int i = 0; i < flags.length; i++) {
            boolean evicted = i * page >= hole && i * page < hole + 2 * page;
            assertEquals(!evicted, (flags[i] & 1) != 0, "page " + i);
        }
        assertEquals(2 * page, counters.statistics().pageCacheDroppedBytes());
    }

    @Test
    void cachestatAndMincoreAgreeOnAFullyCachedFile() throws Exception {
        Files.readAllBytes(file);
        assertEquals(PageCacheResidency.State.RESIDENT, withFd(fd -> PageCacheResidency.byMincore(fd, 0, SIZE)));
        assertEquals(PageCacheResidency.State.RESIDENT, residency());
    }

    @Test
    void anEmptyFileIsResident() throws Exception {
        Files.write(file, new byte[0]);
        assertEquals(PageCacheResidency.State.RESIDENT, withFd(fd -> PageCacheResidency.of(fd, 0)));
    }

    private ScanCounters readWithContentReader() throws Exception {
        ScanCounters counters = new ScanCounters();
        ContentReader reader = new ContentReader(HashProvider.JDK, new IoThrottle(0), true, counters);
        FileStat stat = NativeFiles.lstat(file.toString());
        int fd = ContentReader.open(file.toString());
        ContentReader.Content content;
        try {
            content = reader.read(fd, file.toString(), stat, null, AttributeSet.of(Attribute.SHA256), false);
        } finally {
            LibC.close(fd);
        }
        assertNotNull(content.digests(), content.problem());
        assertEquals(32, content.digests().get(Attribute.SHA256).length);
        return counters;
    }

    private PageCacheResidency.State residency() throws IOException {
        return withFd(fd -> PageCacheResidency.of(fd, SIZE));
    }

    private void dropFromCache() throws IOException {
        withFd(fd -> LibC.posix_fadvise(fd, 0, 0, LibC.POSIX_FADV_DONTNEED));
    }

    private <T> T withFd(FdFunction<T> action) throws IOException {
        int fd = ContentReader.openNoBlock(file.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
        try {
            return action.apply(fd);
        } finally {
            LibC.close(fd);
        }
    }

    private interface FdFunction<T> {
        T apply(int fd);
    }
}
