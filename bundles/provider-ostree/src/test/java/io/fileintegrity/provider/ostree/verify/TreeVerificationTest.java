package io.fileintegrity.provider.ostree.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.CorruptObjectException;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tamper tests on a checkout (bare-user: hard links, metadata in user.ostreemeta): each change is named exactly. */
class TreeVerificationTest {

    @TempDir
    Path temp;

    private Path out;

    private List<FileChange> verify(String mode) throws Exception {
        return verify(mode, VerificationPolicy.DEFAULTS);
    }

    private List<FileChange> verify(String mode, VerificationPolicy policy) throws Exception {
        List<FileChange> changes = new ArrayList<>();
        new Verification(XattrReader.best(), policy, 2, Cancellation.NEVER, ProgressListener.NONE).run(
                new Verification.Target(out.resolve("repo"), new Checksum(OstreeFixture.COMMIT), out.resolve("checkout")),
                changes::add);
        return changes;
    }

    private Path checkout(String mode, String path) {
        if (out == null) {
            out = temp.resolve("out");
            OstreeFixture.makeRepo(out, mode, false);
        }
        return out.resolve("checkout").resolve(path);
    }

    private static FileChange changed(String path, String reason, AttributeChange... attributes) {
        return new FileChange(path, ChangeKind.CHANGED, List.of(attributes), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bare", "bare-user", "bare-user-only", "archive"})
    void cleanCheckoutHasNoChanges(String mode) throws Exception {
        checkout(mode, "");
        VerificationPolicy report = new VerificationPolicy(List.of("/"), EtcPolicy.REPORT, List.of(), true, true);
        assertEquals(List.of(), verify(mode, report), "a checkout without /etc has no /etc to compare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bare", "bare-user", "bare-user-only", "archive"})
    void replacedFilesAreAttributedInEveryMode(String mode) throws Exception {
        Path hello = checkout(mode, "usr/bin/hello");
        Path evil = temp.resolve("evil");
        Files.writeString(evil, "#!/bin/sh\necho evil\n");
        Files.setAttribute(evil, "unix:mode", 0755);
        Files.move(evil, hello, StandardCopyOption.REPLACE_EXISTING);
        Path helper = checkout(mode, "usr/libexec/fio-helper");
        Path copy = temp.resolve("helper");
        Files.copy(helper, copy);
        Files.setAttribute(copy, "unix:mode", 04755);
        Files.move(copy, helper, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(checkout(mode, "usr/share/doc/fio/empty"));
        List<FileChange> changes = verify(mode);
        assertEquals(List.of("/usr/bin/hello", "/usr/libexec/fio-helper", "/usr/share/doc/fio/empty"),
                changes.stream().map(FileChange::path).toList(), changes.toString());
        assertEquals("content", changes.get(0).attributes().get(0).attribute());
        assertEquals(List.of(new AttributeChange("mode", "0750", "4755")), changes.get(1).attributes());
        assertEquals(ChangeKind.REMOVED, changes.get(2).kind());
    }

    @Test
    void replacedContentIsReportedAsContent() throws Exception {
        Path file = checkout("bare-user", "usr/bin/hello");
        Path replacement = temp.resolve("hello");
        Files.writeString(replacement, "#!/bin/sh\necho evil\n");
        Files.setPosixFilePermissions(replacement, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);
        List<FileChange> changes = verify("bare-user");
        assertEquals(1, changes.size(), changes.toString());
        FileChange change = changes.get(0);
        assertEquals("/usr/bin/hello", change.path());
        assertEquals("ostree:modified", change.reason());
        assertEquals(List.of("content"), change.attributes().stream().map(AttributeChange::attribute).toList());
        assertEquals("e907c91fa89aec25e333cbc546cf4dce74c0c3ab4607e6021aaf910ed9b0f3e1", change.attributes().get(0).oldValue());
    }

    @Test
    void contentWrittenThroughTheHardLinkIsAnObjectCorruptionWithOstreeFsckChecksum() throws Exception {
        Files.writeString(checkout("bare-user", "usr/etc/fio.conf"), "tampered\n", StandardOpenOption.APPEND);
        List<FileChange> changes = verify("bare-user");
        String fsck = OstreeFixture.ostreeAllowingFailure("--repo=" + out.resolve("repo"), "fsck").output();
        assertEquals(1, changes.size(), changes.toString());
        AttributeChange checksum = changes.get(0).attributes().get(0);
        assertEquals("ostree:object-corrupt", changes.get(0).reason());
        assertEquals("57dcd6566f482135d02136b671c080c7ec258bac6cad2e70a88728599a4add6a", checksum.oldValue());
        assertTrue(fsck.contains("actual='" + checksum.newValue() + "'"), fsck);
    }

    @Test
    void modeOwnerAndXattrChangesAreNamed() throws Exception {
        Path readme = checkout("bare-user", "usr/share/doc/fio/README");
        Files.setPosixFilePermissions(readme, PosixFilePermissions.fromString("rw-------"));
        Path helper = checkout("bare-user", "usr/libexec/fio-helper");
        Files.setAttribute(helper, "unix:uid", 1234, LinkOption.NOFOLLOW_LINKS);
        Path lib = checkout("bare-user", "usr/lib/libfio.so.1.0");
        Files.getFileAttributeView(lib, UserDefinedFileAttributeView.class).write("fio", ByteBuffer.wrap("x".getBytes()));
        List<FileChange> changes = verify("bare-user");
        assertEquals(List.of(
                changed("/usr/lib/libfio.so.1.0", "ostree:modified", new AttributeChange("xattrs", "", "user.fio=\"x\"")),
                changed("/usr/libexec/fio-helper", "ostree:modified", new AttributeChange("uid", "0", "1234")),
                changed("/usr/share/doc/fio/README", "ostree:modified", new AttributeChange("mode", "0644", "0600"))),
                changes);
    }

    @Test
    void symlinkTargetChangeIsNamed() throws Exception {
        Path link = checkout("bare-user", "usr/lib/libfio.so.1");
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("/tmp/evil.so"));
        assertEquals(List.of(changed("/usr/lib/libfio.so.1", "ostree:modified",
                new AttributeChange("target", "libfio.so.1.0", "/tmp/evil.so"))), verify("bare-user"));
    }

    @Test
    void addedAndRemovedEntriesUnderUsr() throws Exception {
        Files.writeString(checkout("bare-user", "usr/bin/backdoor"), "x");
        Files.delete(checkout("bare-user", "usr/libexec/fio-helper"));
        Files.delete(checkout("bare-user", "usr/etc/fio.d/10-default.conf"));
        Files.delete(checkout("bare-user", "usr/etc/fio.d/private.conf"));
        Files.delete(checkout("bare-user", "usr/etc/fio.d"));
        List<FileChange> changes = verify("bare-user");
        assertEquals(List.of(
                new FileChange("/usr/bin/backdoor", ChangeKind.ADDED, List.of(), "ostree:added"),
                new FileChange("/usr/etc/fio.d", ChangeKind.REMOVED, List.of(), "ostree:removed"),
                new FileChange("/usr/etc/fio.d/10-default.conf", ChangeKind.REMOVED, List.of(), "ostree:removed"),
                new FileChange("/usr/etc/fio.d/private.conf", ChangeKind.REMOVED, List.of(), "ostree:removed"),
                new FileChange("/usr/libexec/fio-helper", ChangeKind.REMOVED, List.of(), "ostree:removed")), changes);
    }

    @Test
    void directoryModeChangeAndTypeChangeAreNamed() throws Exception {
        Files.setPosixFilePermissions(checkout("bare-user", "usr/etc/empty.d"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path readme = checkout("bare-user", "usr/share/doc/fio/README");
        Files.delete(readme);
        Files.createDirectory(readme);
        assertEquals(List.of(
                changed("/usr/etc/empty.d", "ostree:modified", new AttributeChange("mode", "0700", "0755")),
                changed("/usr/share/doc/fio/README", "ostree:modified",
                        new AttributeChange("type", "regular file", "directory"))), verify("bare-user"));
    }

    @Test
    void ignoreListAndRootsLimitTheWalk() throws Exception {
        Files.writeString(checkout("bare-user", "usr/share/doc/fio/extra"), "x");
        Files.writeString(checkout("bare-user", "usr/bin/extra"), "x");
        Files.delete(checkout("bare-user", "usr/share/doc/fio/README"));
        VerificationPolicy policy = new VerificationPolicy(List.of("/usr/share", "/usr/lib/libfio.so.1"),
                EtcPolicy.INFO, List.of("/usr/share/doc/**"), true, true);
        assertEquals(List.of(), verify("bare-user", policy));
        VerificationPolicy bin = new VerificationPolicy(List.of("/usr/bin"), EtcPolicy.INFO, List.of(), true, true);
        assertEquals(List.of(new FileChange("/usr/bin/extra", ChangeKind.ADDED, List.of(), "ostree:added")),
                verify("bare-user", bin));
    }

    @Test
    void fifoInPlaceOfAFileIsATypeChangeAndNeverOpened() throws Exception {
        Path readme = checkout("bare-user", "usr/share/doc/fio/README");
        Files.delete(readme);
        Process mkfifo = new ProcessBuilder("mkfifo", readme.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.writeString(checkout("bare-user", "usr/bin/pipe-marker"), "x");
        new ProcessBuilder("mkfifo", checkout("bare-user", "usr/bin/added-fifo").toString()).start().waitFor();
        assertEquals(List.of(
                new FileChange("/usr/bin/added-fifo", ChangeKind.ADDED, List.of(), "ostree:added"),
                new FileChange("/usr/bin/pipe-marker", ChangeKind.ADDED, List.of(), "ostree:added"),
                changed("/usr/share/doc/fio/README", "ostree:modified", new AttributeChange("type", "regular file", "fifo"))),
                verify("bare-user"));
    }

    @Test
    void tamperedFileWhoseObjectIsMissingSaysSo() throws Exception {
        Path hello = checkout("bare-user", "usr/bin/hello");
        Files.delete(hello);
        Files.writeString(hello, "#!/bin/sh\necho other\n");
        Files.setAttribute(hello, "unix:mode", 0755);
        Files.delete(out.resolve("repo/objects/e9/07c91fa89aec25e333cbc546cf4dce74c0c3ab4607e6021aaf910ed9b0f3e1.file"));
        List<FileChange> changes = verify("bare-user");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("ostree:object-missing", changes.get(0).reason());
        assertEquals("checksum", changes.get(0).attributes().get(0).attribute());
    }

    @Test
    void corruptDirtreeObjectStopsWithItsName() throws Exception {
        checkout("bare-user", "");
        Path object = out.resolve("repo/objects/34/2c442dcdfcf96ef4ff718971c84987381e6d8df8eee1f3cbd4d551d11ed8a0.dirtree");
        Files.write(object, new byte[] {1, 2, 3});
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> verify("bare-user"));
        assertTrue(e.getMessage().contains(object.toString()), e.getMessage());
    }

    @Test
    void replacedArchiveObjectIsFoundWhenTheTreeFileDiffers() throws Exception {
        Path hello = checkout("archive", "usr/bin/hello");
        Files.delete(hello);
        Files.writeString(hello, "#!/bin/sh\necho hello from fio fixture\n");
        Files.setPosixFilePermissions(hello, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(List.of(), verify("archive"), "same content and metadata in a new inode is fine");
        Files.setAttribute(hello, "unix:mode", 04755);
        assertEquals(List.of(changed("/usr/bin/hello", "ostree:modified", new AttributeChange("mode", "0755", "4755"))),
                verify("archive"));
    }
}
