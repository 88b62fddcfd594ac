package io.fileintegrity.provider.ostree.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running deployment between {@code ostree admin deploy} and the reboot, with the real {@code ostree} CLI:
 * the deploy moves the boot links to the other boot version and renumbers them, so the running kernel's
 * {@code ostree=} no longer resolves as written and its index may name the pending deployment.
 */
class BootedDeploymentTest {

    @TempDir
    Path temp;

    private Path out;
    private Path sysroot;
    private String running;
    private Path cmdline;
    private Instant booted;

    @BeforeEach
    void bootTheFixture() throws Exception {
        out = temp.resolve("out");
        OstreeFixture.makeRepo(out, "bare-user", true);
        sysroot = out.resolve("sysroot");
        running = Files.readAllLines(out.resolve("sysroot.txt")).get(0).substring("commit=".length());
        cmdline = temp.resolve("cmdline");
        rebootInto(defaultEntryOptions());
    }

    @AfterEach
    void release() throws Exception {
        OstreeFixture.makeDeletable(sysroot);
    }

    private void rebootInto(String options) throws Exception {
        Files.writeString(cmdline, "BOOT_IMAGE=/vmlinuz " + options + " quiet\n");
        Thread.sleep(10);
        booted = Instant.now();
    }

    private String defaultEntryOptions() throws Exception {
        BootEntry best = null;
        try (Stream<Path> files = Files.list(sysroot.resolve("boot/loader/entries"))) {
            for (Path file : files.toList()) {
                BootEntry entry = BootEntry.read(file);
                best = best == null || entry.isNewerThan(best) ? entry : best;
            }
        }
        return best.options().orElseThrow();
    }

    private String deployUpdate(String name, boolean newKernel) throws Exception {
        return OstreeFixture.deployUpdate(out, name, newKernel);
    }

    private Deployment locate(Path hostRoot) throws Exception {
        return new SysrootLocator(sysroot, hostRoot, cmdline, Optional.of(booted)).locate();
    }

    private Path deploymentOf(String commit) {
        return sysroot.resolve("ostree/deploy/fio/deploy/" + commit + ".0");
    }

    private List<FileChange> verify(Deployment deployment) throws Exception {
        List<FileChange> changes = new ArrayList<>();
        VerificationPolicy policy = new VerificationPolicy(List.of("/usr"), EtcPolicy.IGNORE, List.of(), true, true);
        new Verification(XattrReader.best(), policy, 1, Cancellation.NEVER, ProgressListener.NONE).run(
                new Verification.Target(deployment.repository(), deployment.commit(), deployment.directory(), true),
                changes::add);
        return changes;
    }

    private void tamperWithHello(Path deploymentDirectory) throws Exception {
        Path replacement = temp.resolve("evil");
        Files.writeString(replacement, "#!/bin/sh\necho evil\n");
        Files.setAttribute(replacement, "unix:mode", 0755);
        Files.move(replacement, deploymentDirectory.resolve("usr/bin/hello"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void kernelArgumentNamesTheRunningDeploymentWhileItsBootLinksAreUnchanged() throws Exception {
        Deployment deployment = locate(temp);
        assertEquals(running, deployment.commit().hex());
        assertEquals("kernel-cmdline", deployment.foundBy());
    }

    @Test
    void deployWithoutRebootStillVerifiesTheRunningDeploymentThatIsTheHostRoot() throws Exception {
        String pending = deployUpdate("update", false);
        tamperWithHello(deploymentOf(running));
        // In the DaemonSet the host's / (a bind mount of the deployment directory) is the host root.
        Deployment deployment = locate(deploymentOf(running));
        assertEquals("host-root-inode", deployment.foundBy());
        assertEquals(running, deployment.commit().hex());
        List<FileChange> changes = verify(deployment);
        assertEquals(List.of("/usr/bin/hello"), changes.stream().map(FileChange::path).toList());
        assertEquals(pending, locate(deploymentOf(pending)).commit().hex());
    }

    @Test
    void deployWithoutRebootOfTheSameKernelIsAnErrorNamingBothDeploymentsNeverThePendingOne() throws Exception {
        String pending = deployUpdate("update", false);
        for (Optional<Instant> bootTime : List.of(Optional.of(booted), Optional.<Instant>empty())) {
            RepositoryException e = assertThrows(RepositoryException.class,
                    () -> new SysrootLocator(sysroot, temp, cmdline, bootTime).locate());
            assertTrue(e.getMessage().contains("2 deployments share its kernel checksum"), e.getMessage());
            assertTrue(e.getMessage().contains(running + ".0") && e.getMessage().contains(pending + ".0"), e.getMessage());
        }
    }

    @Test
    void deployWithoutRebootOfAnotherKernelIsFoundByTheKernelChecksumAndTamperingIsSeen() throws Exception {
        deployUpdate("new-kernel", true);
        tamperWithHello(deploymentOf(running));
        Deployment deployment = locate(temp);
        assertEquals("kernel-cmdline-bootcsum", deployment.foundBy());
        assertEquals(running, deployment.commit().hex());
        assertEquals(List.of("/usr/bin/hello"), verify(deployment).stream().map(FileChange::path).toList());
    }

    @Test
    void deployRecreatingTheLinksOfTheSameBootVersionIsNotTrustedToNameTheRunningDeployment() throws Exception {
        String first = deployUpdate("first", false);
        rebootInto(defaultEntryOptions());
        String second = deployUpdate("second", false);
        // Same kernel and arguments: ostree swaps only the sub-version, the argument's link now names the pending one.
        Path link = BootLink.parse(ostreeArgument()).orElseThrow().link(sysroot);
        assertEquals(deploymentOf(second).toRealPath(), link.toRealPath());
        RepositoryException e = assertThrows(RepositoryException.class, () -> locate(temp));
        assertTrue(e.getMessage().contains("the boot links changed since boot"), e.getMessage());
        Deployment deployment = locate(deploymentOf(first));
        assertEquals(first, deployment.commit().hex());
        assertEquals("host-root-inode", deployment.foundBy());
    }

    @Test
    void afterTheRebootTheNewKernelArgumentNamesTheNewDeployment() throws Exception {
        String pending = deployUpdate("update", false);
        rebootInto(defaultEntryOptions());
        Deployment deployment = locate(temp);
        assertEquals("kernel-cmdline", deployment.foundBy());
        assertEquals(pending, deployment.commit().hex());
    }

    @Test
    void kernelArgumentNamingNoDeploymentIsAnErrorNotTheBootLoaderDefault() throws Exception {
        Files.writeString(cmdline, "ostree=/ostree/boot.1/fio/" + "0".repeat(64) + "/0\n");
        RepositoryException e = assertThrows(RepositoryException.class, () -> locate(temp));
        assertTrue(e.getMessage().contains("no deployment of stateroot fio has kernel checksum " + "0".repeat(64)),
                e.getMessage());
        Files.writeString(cmdline, "ostree=/ostree/deploy/fio/deploy/gone\n");
        e = assertThrows(RepositoryException.class, () -> locate(temp));
        assertTrue(e.getMessage().contains("ostree=/ostree/deploy/fio/deploy/gone resolves to nothing"), e.getMessage());
    }

    private String ostreeArgument() throws Exception {
        String line = Files.readString(cmdline);
        int start = line.indexOf("ostree=") + "ostree=".length();
        return line.substring(start, line.indexOf(' ', start));
    }
}
