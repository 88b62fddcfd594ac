package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReaderTest {
    @TempDir
    Path dir;

    @Test
    void digestsEveryByteOfFilesAroundTheBufferSizeAndTheEmptyFile() throws Exception {
        int mib = 1 << 20;
        ScanCounters counters = new ScanCounters();
        ContentReader reader = new ContentReader(HashProvider.JDK, new IoThrottle(0), false, counters);
        long expectedBytes = 0;
        for (int size : new int[] {0, 1, 4095, 4096, mib - 1, mib, mib + 1, 3 * mib + 7}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            Path file = Files.write(dir.resolve("f" + size), data);
            int fd = ContentReader.open(file.toString());
            ContentReader.Content c;
            try {
                c = reader.read(fd, file.toString(), NativeFiles.lstat(file.toString()), null,
                        AttributeSet.of(Attribute.SHA256, Attribute.SHA512), false);
            } finally {
                LibC.close(fd);
            }
            assertNotNull(c.digests(), c.problem());
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), c.digests().get(Attribute.SHA256),
                    "size " + size);
            assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(data), c.digests().get(Attribute.SHA512),
                    "size " + size);
            expectedBytes += size;
        }
        assertEquals(expectedBytes, counters.bytesHashed());
    }
}
