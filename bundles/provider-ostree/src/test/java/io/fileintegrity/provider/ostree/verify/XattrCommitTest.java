package io.fileintegrity.provider.ostree.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.ContentHasher;
import io.fileintegrity.provider.ostree.repo.ContentObject;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit that carries xattrs (bare repository, checked out with them): checksums and checks include them. */
class XattrCommitTest {

    @TempDir
    Path temp;

    private static void setXattr(Path file, String name, byte[] value) throws Exception {
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class).write(name, ByteBuffer.wrap(value));
    }

    @Test
    void xattrsEnterChecksumsAsOstreeComputesThem() throws Exception {
        Path tree = Files.createDirectories(temp.resolve("tree/usr"));
        Path file = tree.resolve("xattr-file");
        Files.writeString(file, "xattr file\n");
        Files.setAttribute(file, "unix:mode", 0644);
        setXattr(file, "fio", "hello".getBytes());
        setXattr(file, "aaa", new byte[] {0, (byte) 0xff});
        Path repo = temp.resolve("repo");
        OstreeFixture.ostree("--repo=" + repo, "init", "--mode=bare");
        String commit = OstreeFixture.ostree("--repo=" + repo, "commit", "--branch=x", "--owner-uid=0", "--owner-gid=0",
                "--subject=x", temp.resolve("tree").toString()).trim();
        Path checkout = temp.resolve("checkout");
        OstreeFixture.ostree("--repo=" + repo, "checkout", commit, checkout.toString());

        String listing = OstreeFixture.ostree("--repo=" + repo, "ls", "-C", commit, "/usr/xattr-file");
        String expected = listing.trim().split("\\s+")[4];
        assertEquals("072b773faf51d55fd736b324a38bb61c854eaccd7d9b39ee76713bb693214104", expected,
                "research/ostree.md §3 example");
        OstreeRepository repository = OstreeRepository.open(repo, XattrReader.best());
        ContentObject object = repository.loadContent(new Checksum(expected));
        try (InputStream in = object.openContent()) {
            assertEquals(expected, new ContentHasher().hash(object.meta(), in).checksum().hex());
        }

        assertEquals(List.of(), verify(repo, commit, checkout));
        Path checkedOut = checkout.resolve("usr/xattr-file");
        Path replacement = temp.resolve("replacement");
        Files.copy(checkedOut, replacement);
        Files.setAttribute(replacement, "unix:mode", 0644);
        setXattr(replacement, "aaa", new byte[] {0, (byte) 0xff});
        setXattr(replacement, "fio", "HELLO".getBytes());
        Files.move(replacement, checkedOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(new FileChange("/usr/xattr-file", ChangeKind.CHANGED, List.of(new AttributeChange("xattrs",
                "user.aaa=00ff, user.fio=\"hello\"", "user.aaa=00ff, user.fio=\"HELLO\"")), "ostree:modified")),
                verify(repo, commit, checkout));
    }

    private static List<FileChange> verify(Path repo, String commit, Path tree) throws Exception {
        List<FileChange> changes = new ArrayList<>();
        new Verification(XattrReader.best(), VerificationPolicy.DEFAULTS, 1, Cancellation.NEVER, ProgressListener.NONE)
                .run(new Verification.Target(repo, new Checksum(commit), tree), changes::add);
        return changes;
    }
}
