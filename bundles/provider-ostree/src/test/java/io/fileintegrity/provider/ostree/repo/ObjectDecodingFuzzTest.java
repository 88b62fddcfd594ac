package io.fileintegrity.provider.ostree.repo;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations of real commit, dirtree, dirmeta and archive objects (from ostree itself) through the object
 * readers: only {@link GVariantFormatException} or {@link CorruptObjectException} may come out, quickly.
 */
class ObjectDecodingFuzzTest {

    @TempDir
    Path temp;

    private OstreeRepository mutated;

    @Test
    void mutatedMetadataObjectsFailOnlyWithFormatErrors() throws Exception {
        OstreeFixture.makeRepo(temp.resolve("out"), "archive", false);
        List<Path> objects;
        try (Stream<Path> files = Files.walk(temp.resolve("out/repo/objects"))) {
            objects = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(3);
            int refused = 0;
            for (Path object : objects) {
                byte[] original = Files.readAllBytes(object);
                String name = object.getFileName().toString();
                int rounds = name.endsWith(".filez") ? 40 : 300;
                for (int round = 0; round < rounds; round++) {
                    refused += decode(name.substring(name.indexOf('.') + 1), mutate(original, random), object);
                }
            }
            assertTrue(refused > 0, "some mutations must be refused");
        });
    }

    /** 1 when refused with a format error, 0 when the mutation still decodes. */
    private int decode(String extension, byte[] bytes, Path original) throws Exception {
        try {
            switch (extension) {
                case "commit" -> Commit.decode(bytes);
                case "dirtree" -> DirTree.decode(bytes);
                case "dirmeta" -> DirMeta.decode(bytes);
                default -> archiveObject(bytes, original);
            }
            return 0;
        } catch (GVariantFormatException | CorruptObjectException expected) {
            return 1;
        }
    }

    /** Reads a mutated .filez through the loader and the checker: metadata, then inflated content. */
    private void archiveObject(byte[] bytes, Path original) throws Exception {
        Path copy = temp.resolve("mutated/objects").resolve(original.getParent().getFileName()).resolve(original.getFileName());
        Files.createDirectories(copy.getParent());
        Files.write(copy, bytes);
        if (mutated == null) {
            Files.writeString(temp.resolve("mutated/config"), "[core]\nmode=archive-z2\n");
            mutated = OstreeRepository.open(temp.resolve("mutated"), XattrReader.best());
        }
        OstreeRepository repo = mutated;
        String name = original.getFileName().toString();
        Checksum checksum = new Checksum(original.getParent().getFileName() + name.substring(0, name.indexOf('.')));
        repo.loadContent(checksum);
        new RepositoryChecker(repo).checkContent(checksum);
    }

    private static byte[] mutate(byte[] original, Random random) {
        if (original.length == 0) {
            return original;
        }
        byte[] bytes = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> bytes[bytes.length - 1 - random.nextInt(Math.min(4, bytes.length))] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
