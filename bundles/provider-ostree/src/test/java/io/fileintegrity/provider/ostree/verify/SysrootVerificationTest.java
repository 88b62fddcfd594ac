package io.fileintegrity.provider.ostree.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployed sysroot made by {@code ostree admin deploy} (bare repository, hard links, /etc copied from /usr/etc). */
class SysrootVerificationTest {

    @TempDir
    Path temp;

    private Path sysroot;
    private String commit;

    @BeforeEach
    void deploy() throws Exception {
        Path out = temp.resolve("out");
        OstreeFixture.makeRepo(out, "bare-user", true);
        sysroot = out.resolve("sysroot");
        commit = Files.readAllLines(out.resolve("sysroot.txt")).get(0).substring("commit=".length());
    }

    @AfterEach
    void release() throws Exception {
        OstreeFixture.makeDeletable(sysroot);
    }

    private Deployment locate() throws Exception {
        return new SysrootLocator(sysroot, temp, temp.resolve("no-cmdline"), Optional.empty()).locate();
    }

    private List<FileChange> verify(EtcPolicy etc, List<FileChange> etcNotes) throws Exception {
        Deployment deployment = locate();
        List<FileChange> changes = new ArrayList<>();
        VerificationPolicy policy = new VerificationPolicy(List.of("/"), etc, List.of(), true, true);
        Verification.Summary summary = new Verification(XattrReader.best(), policy, 2, Cancellation.NEVER,
                ProgressListener.NONE).run(new Verification.Target(deployment.repository(), deployment.commit(),
                        deployment.directory(), true), changes::add);
        etcNotes.addAll(summary.etcNotes());
        return changes;
    }

    @Test
    void defaultBootLoaderEntryNamesTheDeployment() throws Exception {
        Deployment deployment = locate();
        assertEquals(commit, deployment.commit().hex());
        assertEquals("fio", deployment.stateroot());
        assertEquals(0, deployment.serial());
        assertEquals("boot-loader-entry", deployment.foundBy());
        assertEquals("fio/x86_64", deployment.refspec().orElseThrow());
    }

    @Test
    void kernelArgumentWinsAndOnlyDeploymentIsTheLastResort() throws Exception {
        Path entries = sysroot.resolve("boot/loader/entries");
        String options;
        try (Stream<Path> files = Files.list(entries)) {
            Path entry = files.findFirst().orElseThrow();
            options = Files.readAllLines(entry).stream().filter(l -> l.startsWith("options ")).findFirst().orElseThrow();
            Path cmdline = temp.resolve("cmdline");
            Files.writeString(cmdline, "BOOT_IMAGE=/vmlinuz " + options.substring(8) + " quiet\n");
            Deployment booted = new SysrootLocator(sysroot, temp, cmdline, Optional.of(java.time.Instant.now())).locate();
            assertEquals("kernel-cmdline", booted.foundBy());
            assertEquals(commit, booted.commit().hex());
            Files.delete(entry);
        }
        assertEquals("only-deployment", locate().foundBy());
    }

    @Test
    void missingSysrootIsRefusedWithItsPath() {
        RepositoryException e = assertThrows(RepositoryException.class,
                () -> new SysrootLocator(temp.resolve("nowhere"), temp, null, Optional.empty()).locate());
        assertTrue(e.getMessage().contains("not an OSTree sysroot: " + temp.resolve("nowhere")), e.getMessage());
    }

    @Test
    void cleanDeploymentHasNoChangesAndNoEtcDifferences() throws Exception {
        Files.writeString(locate().directory().resolve(".ostree.cfs"), "composefs image, not in the commit");
        List<FileChange> notes = new ArrayList<>();
        assertEquals(List.of(), verify(EtcPolicy.REPORT, notes));
        assertEquals(List.of(), notes);
    }

    @Test
    void etcEditsAreReportedAsOstreeAdminConfigDiffDoes() throws Exception {
        Path etc = locate().directory().resolve("etc");
        Files.writeString(etc.resolve("fio.conf"), "level=9\n");
        Files.delete(etc.resolve("fio.d/private.conf"));
        Files.writeString(etc.resolve("local.conf"), "x\n");
        List<FileChange> changes = verify(EtcPolicy.REPORT, new ArrayList<>());
        assertEquals(List.of(
                new FileChange("/etc/fio.conf", ChangeKind.CHANGED, List.of(new AttributeChange("content",
                        "57dcd6566f482135d02136b671c080c7ec258bac6cad2e70a88728599a4add6a",
                        changes.get(0).attributes().get(0).newValue())), "etc-modified"),
                new FileChange("/etc/fio.d/private.conf", ChangeKind.REMOVED, List.of(), "etc-removed"),
                new FileChange("/etc/local.conf", ChangeKind.ADDED, List.of(), "etc-added")), changes);

        String configDiff = OstreeFixture.ostree("admin", "config-diff", "--sysroot=" + sysroot, "--os=fio");
        Set<String> theirs = new TreeSet<>();
        for (String line : configDiff.split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+");
                theirs.add(parts[0] + " /etc/" + parts[1]);
            }
        }
        Set<String> ours = new TreeSet<>();
        changes.forEach(c -> ours.add(switch (c.kind()) {
            case CHANGED -> "M";
            case ADDED -> "A";
            case REMOVED -> "D";
        } + " " + c.path()));
        assertEquals(theirs, ours);
    }

    @Test
    void deploymentWithoutEtcReportsEveryEntryRemoved() throws Exception {
        Path etc = locate().directory().resolve("etc");
        try (Stream<Path> files = Files.walk(etc)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        List<FileChange> changes = verify(EtcPolicy.REPORT, new ArrayList<>());
        assertEquals(new FileChange("/etc", ChangeKind.REMOVED, List.of(), "etc-removed"), changes.get(0));
        assertTrue(changes.stream().allMatch(c -> c.reason().equals("etc-removed")), changes.toString());
    }

    @Test
    void etcDifferencesAreNotesUnderTheInfoPolicy() throws Exception {
        Files.writeString(locate().directory().resolve("etc/fio.conf"), "level=9\n");
        List<FileChange> notes = new ArrayList<>();
        assertEquals(List.of(), verify(EtcPolicy.INFO, notes));
        assertEquals(List.of("/etc/fio.conf"), notes.stream().map(FileChange::path).toList());
    }

    @Test
    void replacedBinaryAndInPlaceChmodOfHardLinkedObject() throws Exception {
        Path root = locate().directory();
        Path hello = root.resolve("usr/bin/hello");
        Path replacement = temp.resolve("hello");
        Files.writeString(replacement, "#!/bin/sh\necho evil\n");
        Files.setAttribute(replacement, "unix:mode", 0755);
        Files.move(replacement, hello, StandardCopyOption.REPLACE_EXISTING);
        Files.setAttribute(root.resolve("usr/libexec/fio-helper"), "unix:mode", 04750);
        Files.writeString(root.resolve("usr/lib/extra.so"), "x");
        List<FileChange> changes = verify(EtcPolicy.INFO, new ArrayList<>());
        assertEquals(3, changes.size(), changes.toString());
        assertEquals("/usr/bin/hello", changes.get(0).path());
        assertEquals("content", changes.get(0).attributes().get(0).attribute());
        assertEquals(new FileChange("/usr/lib/extra.so", ChangeKind.ADDED, List.of(), "ostree:added"), changes.get(1));
        assertEquals("/usr/libexec/fio-helper", changes.get(2).path());
        assertEquals("ostree:object-corrupt", changes.get(2).reason());
        assertEquals("checksum", changes.get(2).attributes().get(0).attribute());
        OstreeFixture.Execution fsck = OstreeFixture.ostreeAllowingFailure("--repo=" + sysroot.resolve("ostree/repo"), "fsck");
        assertEquals(1, fsck.exitCode(), fsck.output());
        assertTrue(fsck.output().contains("actual='" + changes.get(2).attributes().get(0).newValue() + "'"), fsck.output());
    }
}
