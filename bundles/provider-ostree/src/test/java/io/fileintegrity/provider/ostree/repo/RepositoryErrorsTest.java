package io.fileintegrity.provider.ostree.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad repositories give an exception that names the object or file and the reason. */
class RepositoryErrorsTest {

    private static final Checksum ROOT_TREE =
            new Checksum("3dc800654c725e4c738dcb256c35ab7429346276c8cd340e321e44812df0a3ea");

    @TempDir
    Path temp;

    private Path repoDir;
    private OstreeRepository repo;

    @BeforeEach
    void makeRepo() throws Exception {
        OstreeFixture.makeRepo(temp.resolve("out"), "bare-user", false);
        repoDir = temp.resolve("out/repo");
        repo = OstreeRepository.open(repoDir, XattrReader.best());
    }

    @Test
    void truncatedDirtreeIsReportedAsCorruptWithItsPath() throws Exception {
        Path object = repo.objectPath(ROOT_TREE, "dirtree");
        byte[] bytes = Files.readAllBytes(object);
        Files.write(object, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> repo.loadDirTree(ROOT_TREE));
        assertTrue(e.getMessage().contains(object.toString()) && e.getMessage().contains("checksum expected"),
                e.getMessage());
    }

    @Test
    void garbageUnderAMatchingNameIsReportedAsInvalid() throws Exception {
        byte[] garbage = {1, 2, 3, (byte) 0xff, 9};
        Checksum name = Sha256.of(garbage);
        Path object = repo.objectPath(name, "dirtree");
        Files.createDirectories(object.getParent());
        Files.write(object, garbage);
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> repo.loadDirTree(name));
        assertTrue(e.getMessage().startsWith("invalid dirtree object " + object), e.getMessage());
    }

    @Test
    void missingObjectIsNamed() throws Exception {
        Checksum absent = Sha256.of(new byte[] {42});
        RepositoryException e = assertThrows(RepositoryException.class, () -> repo.loadCommit(absent));
        assertTrue(e.getMessage().contains("commit object " + absent + " is missing"), e.getMessage());
        RepositoryException content = assertThrows(RepositoryException.class, () -> repo.loadContent(absent));
        assertTrue(content.getMessage().contains("is missing"), content.getMessage());
    }

    @Test
    void refPointingNowhereResolvesButItsCommitIsMissing() throws Exception {
        Path ref = repoDir.resolve("refs/heads/dangling");
        Files.writeString(ref, "ab".repeat(32) + "\n");
        Checksum target = repo.resolve("dangling");
        RepositoryException e = assertThrows(RepositoryException.class, () -> repo.loadCommit(target));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        assertThrows(RepositoryException.class, () -> repo.resolve("no/such/ref"));
        Files.writeString(ref, "not a checksum\n");
        RepositoryException bad = assertThrows(RepositoryException.class, () -> repo.resolve("dangling"));
        assertTrue(bad.getMessage().contains("does not hold a checksum"), bad.getMessage());
        assertThrows(RepositoryException.class, () -> repo.resolve("../../config"));
    }

    @Test
    void commitWithWrongChecksumIsCorrupt() throws Exception {
        Checksum commit = new Checksum(OstreeFixture.COMMIT);
        Path object = repo.objectPath(commit, "commit");
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length - 40] ^= 1;
        Files.write(object, bytes);
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> repo.loadCommit(commit));
        assertTrue(e.getMessage().contains("corrupted commit object"), e.getMessage());
    }

    @Test
    void missingConfigAndUnknownModeAreRefused() throws Exception {
        RepositoryException none = assertThrows(RepositoryException.class,
                () -> OstreeRepository.open(temp, XattrReader.best()));
        assertTrue(none.getMessage().contains("not an OSTree repository"), none.getMessage());
        Files.writeString(repoDir.resolve("config"), "[core]\nrepo_version=1\nmode=bare-split-xattrs\n");
        RepositoryException mode = assertThrows(RepositoryException.class,
                () -> OstreeRepository.open(repoDir, XattrReader.best()));
        assertEquals(repoDir.resolve("config") + ":3: unsupported repository mode 'bare-split-xattrs'"
                + " (supported: bare, bare-user, bare-user-only, archive, archive-z2)", mode.getMessage());
    }

    @Test
    void bareUserObjectWithoutMetadataIsCorrupt() throws Exception {
        Checksum file = new Checksum("57dcd6566f482135d02136b671c080c7ec258bac6cad2e70a88728599a4add6a");
        Path object = repo.contentPath(file);
        Path copy = temp.resolve("copy");
        Files.copy(object, copy);
        Files.delete(object);
        Files.copy(copy, object);
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> repo.loadContent(file));
        assertTrue(e.getMessage().contains("has no user.ostreemeta"), e.getMessage());
    }
}
