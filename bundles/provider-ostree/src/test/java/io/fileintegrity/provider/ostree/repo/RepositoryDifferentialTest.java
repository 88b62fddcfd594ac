package io.fileintegrity.provider.ostree.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every checksum we read or compute equals what the real {@code ostree} CLI prints for the same repository. */
class RepositoryDifferentialTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"bare", "bare-user", "bare-user-only", "archive"})
    void everyChecksumEqualsOstreeLs(String mode) throws Exception {
        String commit = OstreeFixture.makeRepo(temp.resolve("out"), mode, false);
        Path repoDir = temp.resolve("out/repo");
        OstreeRepository repo = OstreeRepository.open(repoDir, XattrReader.best());
        assertEquals(mode, repo.mode().configName());
        assertEquals(commit, repo.resolve(OstreeFixture.REF).hex());
        assertEquals(OstreeFixture.COMMIT, commit);

        Map<String, String> ours = new TreeMap<>();
        Commit object = repo.loadCommit(new Checksum(commit));
        ours.put("/", object.rootTree() + " " + object.rootMeta());
        listTree(repo, object.rootTree(), "", ours);
        Map<String, String> theirs = parseLs(OstreeFixture.ostree("--repo=" + repoDir, "ls", "-R", "-C", commit));
        assertEquals(theirs, ours);
        assertEquals(22, ours.size());
        assertEquals(List.of(OstreeFixture.REF), object.refBindings());
        assertEquals("fio fixture", object.subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bare", "bare-user", "bare-user-only", "archive"})
    void checkerAgreesWithOstreeFsckOnCleanAndCorruptRepos(String mode) throws Exception {
        OstreeFixture.makeRepo(temp.resolve("out"), mode, false);
        Path repoDir = temp.resolve("out/repo");
        OstreeRepository repo = OstreeRepository.open(repoDir, XattrReader.best());
        assertEquals(0, OstreeFixture.ostreeAllowingFailure("--repo=" + repoDir, "fsck").exitCode());
        assertEquals(List.of(), new RepositoryChecker(repo).checkAll());

        Path object = repo.contentPath(new Checksum("57dcd6566f482135d02136b671c080c7ec258bac6cad2e70a88728599a4add6a"));
        if (mode.equals("archive")) {
            corruptArchivePayload(object);
        } else {
            Files.writeString(object, "tampered\n", StandardOpenOption.APPEND);
        }
        OstreeFixture.Execution fsck = OstreeFixture.ostreeAllowingFailure("--repo=" + repoDir, "fsck");
        assertEquals(1, fsck.exitCode(), fsck.output());
        List<RepositoryChecker.Problem> problems = new RepositoryChecker(repo).checkAll();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(object, problems.get(0).object());
        if (!mode.equals("archive")) {
            String actual = problems.get(0).message().replaceAll(".*actual='([0-9a-f]{64})'.*", "$1");
            assertTrue(fsck.output().contains("actual='" + actual + "'"), fsck.output() + "\nours: " + problems);
        }
    }

    /** Replaces the archive object's payload with another valid DEFLATE stream of different bytes. */
    private static void corruptArchivePayload(Path object) throws Exception {
        byte[] bytes = Files.readAllBytes(object);
        int headerEnd = 8 + java.nio.ByteBuffer.wrap(bytes).getInt();
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
        deflater.setInput("# default configuration\nlevel=2\n".getBytes());
        deflater.finish();
        byte[] payload = new byte[256];
        int n = deflater.deflate(payload);
        byte[] out = java.util.Arrays.copyOf(bytes, headerEnd + n);
        System.arraycopy(payload, 0, out, headerEnd, n);
        Files.write(object, out);
    }

    private static void listTree(OstreeRepository repo, Checksum tree, String prefix, Map<String, String> out)
            throws Exception {
        DirTree dirTree = repo.loadDirTree(tree);
        assertEquals(tree, Sha256.of(dirTree.encode()), "re-encoded dirtree " + prefix);
        ContentHasher hasher = new ContentHasher();
        for (DirTree.FileEntry file : dirTree.files()) {
            ContentObject object = repo.loadContent(file.content());
            try (InputStream in = object.openContent()) {
                assertEquals(file.content(), hasher.hash(object.meta(), in).checksum(), prefix + "/" + file.name());
            }
            out.put(prefix + "/" + file.name(), file.content().hex());
        }
        for (DirTree.DirEntry dir : dirTree.dirs()) {
            assertEquals(dir.meta(), Sha256.of(repo.loadDirMeta(dir.meta()).encode()));
            out.put(prefix + "/" + dir.name(), dir.tree() + " " + dir.meta());
            listTree(repo, dir.tree(), prefix + "/" + dir.name(), out);
        }
    }

    /** {@code ostree ls -R -C}: mode uid gid size checksum(s) path [-> target]. */
    static Map<String, String> parseLs(String listing) {
        Map<String, String> entries = new TreeMap<>();
        for (String line : listing.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            if (parts[0].startsWith("d")) {
                entries.put(parts[6], parts[4] + " " + parts[5]);
            } else {
                entries.put(parts[5], parts[4]);
            }
        }
        return entries;
    }
}
