package io.fileintegrity.provider.ostree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider on a deployed sysroot used as the host root. */
class OstreeIntegrityProviderTest {

    @TempDir
    Path temp;

    private final OstreeIntegrityProvider provider = new OstreeIntegrityProvider();
    private Path hostRoot;
    private String commit;
    private Path deployment;

    @BeforeEach
    void deploy() throws Exception {
        Path out = temp.resolve("out");
        OstreeFixture.makeRepo(out, "bare-user", true);
        hostRoot = out.resolve("sysroot");
        List<String> lines = Files.readAllLines(out.resolve("sysroot.txt"));
        commit = lines.get(0).substring("commit=".length());
        deployment = out.resolve(lines.get(1).substring("deployment=".length()));
        Files.createDirectories(temp.resolve("state"));
    }

    @AfterEach
    void release() throws Exception {
        OstreeFixture.makeDeletable(hostRoot);
    }

    private ScanContext context(String config, List<FileChange> sink) {
        return new ScanContext(hostRoot, new ProviderConfig("ostree.conf", config), temp.resolve("state"),
                ScanOptions.DEFAULTS, null, sink::add, null);
    }

    @Test
    void describesAnExperimentalProviderWithoutBaseline() {
        assertEquals("ostree", provider.describe().name());
        assertEquals(Maturity.EXPERIMENTAL, provider.describe().maturity());
        assertFalse(provider.describe().keepsBaseline());
    }

    @Test
    void cleanDeploymentSucceedsWithCommitAndRefInDetails() {
        ScanResult result = provider.check(context("", new ArrayList<>()));
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.errorMessage());
        assertEquals(commit, result.details().get("ostree.commit"));
        assertEquals("fio/x86_64", result.details().get("ostree.ref"));
        assertEquals("boot-loader-entry", result.details().get("ostree.deployment.foundBy"));
        assertEquals("/ostree/deploy/fio/deploy/" + commit + ".0", result.details().get("ostree.tree"));
        assertTrue(result.report().contains("Result: the tree matches the commit."), result.report());
        assertTrue(result.statistics().filesScanned() > 20);
        List<io.fileintegrity.api.ScanProgress> progress = new ArrayList<>();
        ScanResult initialized = provider.initialize(context("", new ArrayList<>()).withProgress(progress::add));
        io.fileintegrity.api.ScanProgress last = progress.get(progress.size() - 1);
        assertEquals(result.statistics().filesScanned(), last.filesDone());
        assertEquals(result.statistics().bytesHashed(), last.bytesDone());
        assertEquals(ScanMode.INITIALIZE, initialized.mode());
        assertEquals(Outcome.SUCCEEDED, initialized.outcome());
    }

    /** Writes the host's proc/cmdline (the default boot entry's options) and proc/stat (booted now). */
    private void rebootHost() throws Exception {
        String options = "";
        long newest = -1;
        try (java.util.stream.Stream<Path> entries = Files.list(hostRoot.resolve("boot/loader/entries"))) {
            for (Path entry : entries.toList()) {
                List<String> lines = Files.readAllLines(entry);
                long version = Long.parseLong(lines.stream().filter(l -> l.startsWith("version ")).findFirst()
                        .orElseThrow().substring(8).trim());
                if (version > newest) {
                    newest = version;
                    options = lines.stream().filter(l -> l.startsWith("options ")).findFirst().orElseThrow().substring(8);
                }
            }
        }
        Files.createDirectories(hostRoot.resolve("proc"));
        Files.writeString(hostRoot.resolve("proc/cmdline"), options + "\n");
        Thread.sleep(1000);
        Files.writeString(hostRoot.resolve("proc/stat"), "cpu  1 2 3 4\nbtime " + java.time.Instant.now().getEpochSecond() + "\n");
        Thread.sleep(1000);
    }

    @Test
    void deployWithoutRebootNeverVerifiesThePendingDeploymentAndTheRebootSwitchesToIt() throws Exception {
        rebootHost();
        assertEquals("kernel-cmdline", provider.check(context("", new ArrayList<>())).details().get("ostree.deployment.foundBy"));
        String pending = OstreeFixture.deployUpdate(temp.resolve("out"), "update", false);
        ScanResult between = provider.check(context("", new ArrayList<>()));
        assertEquals(Outcome.ERRORED, between.outcome());
        assertTrue(between.errorMessage().contains("the boot links changed since boot")
                && between.errorMessage().contains(commit + ".0") && between.errorMessage().contains(pending + ".0"),
                between.errorMessage());
        rebootHost();
        ScanResult after = provider.check(context("", new ArrayList<>()));
        assertEquals(Outcome.SUCCEEDED, after.outcome(), after.errorMessage());
        assertEquals(pending, after.details().get("ostree.commit"));
        assertEquals("kernel-cmdline", after.details().get("ostree.deployment.foundBy"));
    }

    @Test
    void tamperingFailsWithCountsChangesAndReport() throws Exception {
        Files.writeString(deployment.resolve("usr/bin/dropped"), "x");
        Files.delete(deployment.resolve("usr/share/doc/fio/README"));
        Files.writeString(deployment.resolve("etc/fio.conf"), "level=9\n");
        List<FileChange> sink = new ArrayList<>();
        ScanResult result = provider.check(context("etc report\n", sink));
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals(new ChangeCounts(1, 1, 1), result.counts());
        assertEquals(sink, result.changes());
        assertEquals(List.of("/usr/bin/dropped", "/usr/share/doc/fio/README", "/etc/fio.conf"),
                sink.stream().map(FileChange::path).toList());
        assertTrue(result.report().contains("added:   /usr/bin/dropped  [ostree:added]"), result.report());
        assertTrue(result.report().contains("changed: /etc/fio.conf  [etc-modified]"), result.report());
    }

    @Test
    void etcEditsAreOnlyNotedByDefault() throws Exception {
        Files.writeString(deployment.resolve("etc/local.conf"), "x\n");
        ScanResult result = provider.check(context("", new ArrayList<>()));
        assertEquals(Outcome.SUCCEEDED, result.outcome());
        assertEquals("1", result.details().get("ostree.etc.differences"));
        assertTrue(result.report().contains("  A /etc/local.conf"), result.report());
    }

    @Test
    void changesBeyondTheLimitAreCountedButNotKept() throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(deployment.resolve("usr/bin/extra" + i), "x");
        }
        ScanContext context = context("", new ArrayList<>()).withOptions(new ScanOptions(1, 0, 2, Map.of()));
        ScanResult result = provider.check(context);
        assertEquals(5, result.counts().added());
        assertEquals(2, result.changes().size());
        assertTrue(result.changesTruncated());
        assertTrue(result.report().contains("(3 more changes not listed)"), result.report());
    }

    @Test
    void rotationDefersHardLinksButFindsACorruptObjectOncePerPeriod() throws Exception {
        for (int run = 1; run <= 3; run++) {
            ScanResult result = provider.check(context("rotate 3\n", new ArrayList<>()));
            assertEquals(Outcome.SUCCEEDED, result.outcome(), result.errorMessage());
            assertEquals(run + "/3", result.details().get("ostree.rotation"));
            assertTrue(Long.parseLong(result.details().get("ostree.deferred")) > 0, result.details().toString());
        }
        assertEquals("3", Files.readString(temp.resolve("state/ostree-rotation")).trim());
        Files.writeString(deployment.resolve("usr/share/doc/fio/README"), "appended through the hard link\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path replacement = temp.resolve("hello");
        Files.writeString(replacement, "#!/bin/sh\necho evil\n");
        Files.setAttribute(replacement, "unix:mode", 0755);
        Files.move(replacement, deployment.resolve("usr/bin/hello"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int corruptFound = 0;
        for (int run = 0; run < 3; run++) {
            List<String> paths = provider.check(context("rotate 3\n", new ArrayList<>())).changes().stream()
                    .map(FileChange::path).toList();
            assertTrue(paths.contains("/usr/bin/hello"), "a replaced file is hashed on every check: " + paths);
            corruptFound += paths.contains("/usr/share/doc/fio/README") ? 1 : 0;
        }
        assertEquals(1, corruptFound, "the corrupt object is re-hashed once every 3 checks");
        assertTrue(provider.check(context("", new ArrayList<>())).changes().stream()
                .anyMatch(c -> c.path().equals("/usr/share/doc/fio/README")), "without rotate it is found every time");
    }

    @Test
    void cancelledCheckIsErrored() {
        ScanResult result = provider.check(context("", new ArrayList<>()).withCancellation(() -> true));
        assertEquals(Outcome.ERRORED, result.outcome());
        assertEquals("cancelled", result.errorMessage());
    }

    @Test
    void invalidConfigIsErroredWithItsLine() {
        ScanResult result = provider.check(context("etc maybe\n", new ArrayList<>()));
        assertEquals(Outcome.ERRORED, result.outcome());
        assertEquals("invalid configuration: ostree.conf:1: etc must be ignore, info or report, not 'maybe'",
                result.errorMessage());
        assertEquals(1, provider.validate(new ProviderConfig("ostree.conf", "etc maybe\n")).size());
    }

    @Test
    void missingSysrootAndCorruptCommitAreErrored() throws Exception {
        ScanResult missing = provider.check(new ScanContext(temp.resolve("state"), new ProviderConfig("c", ""),
                temp.resolve("state"), ScanOptions.DEFAULTS, null, null, null));
        assertEquals(Outcome.ERRORED, missing.outcome());
        assertTrue(missing.errorMessage().startsWith("not an OSTree sysroot: "), missing.errorMessage());

        Path object = hostRoot.resolve("ostree/repo/objects/" + commit.substring(0, 2) + "/" + commit.substring(2) + ".commit");
        Files.write(object, new byte[] {0, 1, 2});
        ScanResult corrupt = provider.check(context("", new ArrayList<>()));
        assertEquals(Outcome.ERRORED, corrupt.outcome());
        assertTrue(corrupt.errorMessage().contains("corrupted commit object " + object), corrupt.errorMessage());
    }

    @Test
    void explicitRepoCommitAndTreeAreVerified() throws Exception {
        Path out = temp.resolve("plain");
        OstreeFixture.makeRepo(out, "archive", false);
        String config = "repo " + out.resolve("repo") + "\ncommit " + OstreeFixture.REF + "\ntree " + out.resolve("checkout") + "\n";
        ScanResult result = provider.check(new ScanContext(Path.of("/"), new ProviderConfig("c", config),
                temp.resolve("state"), ScanOptions.DEFAULTS, null, null, null));
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.errorMessage());
        assertEquals(OstreeFixture.COMMIT, result.details().get("ostree.commit"));
        assertEquals(OstreeFixture.REF, result.details().get("ostree.ref"));
    }
}
