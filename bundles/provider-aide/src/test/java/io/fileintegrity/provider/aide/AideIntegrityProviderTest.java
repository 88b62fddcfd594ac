package io.fileintegrity.provider.aide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AideIntegrityProviderTest {
    @TempDir
    Path work;
    Path host;
    Path state;
    final AideIntegrityProvider provider = new AideIntegrityProvider();

    @BeforeEach
    void tree() throws IOException {
        host = Files.createDirectories(work.resolve("hostroot"));
        state = Files.createDirectories(work.resolve("state"));
        Path etc = Files.createDirectories(host.resolve("etc"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(etc.resolve("file" + i + ".conf"), "value " + i + "\n");
        }
    }

    private ProviderConfig config() {
        return new ProviderConfig("test/aide.conf", "CONTENTEX = sha512+ftype+p+u+g+n+acl+selinux+xattrs\n"
                + host + "/etc/ CONTENTEX\n");
    }

    private ScanContext context(List<FileChange> sink, int max) {
        return new ScanContext(host, config(), state, new ScanOptions(2, 0, max, Map.of()), null, sink::add, null);
    }

    @Test
    void describesItselfAsTheStableAideProvider() {
        assertEquals("aide", provider.describe().name());
        assertEquals(Maturity.STABLE, provider.describe().maturity());
        assertTrue(provider.describe().keepsBaseline());
        assertEquals("text/x-aide-conf", provider.describe().configMediaType());
    }

    @Test
    void validateReportsEveryProblemWithItsLine() {
        List<ConfigProblem> problems = provider.validate(new ProviderConfig("cm:aide.conf",
                "fips = p+sha256\n/etc p+md5\n/usr R # comment\n"));
        assertTrue(problems.size() >= 3, problems.toString());
        assertEquals(List.of(1, 2, 3), problems.stream().map(ConfigProblem::line).distinct().sorted().toList());
        assertTrue(problems.stream().allMatch(p -> p.source().equals("cm:aide.conf")));
        assertTrue(provider.validate(config()).isEmpty());
    }

    @Test
    void checkAfterInitializeFindsNothingThenReportsAChangedFileWithoutTheHostRoot() throws IOException {
        ScanResult init = provider.initialize(context(new ArrayList<>(), 10));
        assertEquals(Outcome.SUCCEEDED, init.outcome(), init.errorMessage());
        assertTrue(Files.exists(state.resolve("aide.db")));
        assertEquals(state.resolve("aide.db").toString(), init.details().get("baseline.path"));
        assertEquals(Outcome.SUCCEEDED, provider.check(context(new ArrayList<>(), 10)).outcome());

        Files.writeString(host.resolve("etc/file3.conf"), "tampered\n");
        List<FileChange> sink = new ArrayList<>();
        ScanResult check = provider.check(context(sink, 10));
        assertEquals(Outcome.FAILED, check.outcome(), check.errorMessage());
        assertEquals(1, check.counts().changed());
        assertEquals(List.of("/etc/file3.conf"), sink.stream().map(FileChange::path).toList());
        assertEquals(ChangeKind.CHANGED, sink.get(0).kind());
        assertTrue(sink.get(0).attributes().stream().anyMatch(a -> a.attribute().equals("SHA512")));
        assertTrue(check.report().contains("Changed entries:\t\t1"), check.report());
        assertEquals("4", check.details().get("aide.exitCode"));
    }

    @Test
    void theJdkHashProviderIsAParameterAndTheResultSaysWhichOneHashed() {
        ScanContext jdk = new ScanContext(host, config(), state,
                new ScanOptions(2, 0, 10, Map.of("aide.hash.provider", "jdk")), null, c -> { }, null);
        ScanResult init = provider.initialize(jdk);
        assertEquals(Outcome.SUCCEEDED, init.outcome(), init.errorMessage());
        assertEquals("jdk", init.details().get("aide.hashProvider"));
        // the same digests as BC-FIPS: a check with the default provider finds nothing changed
        ScanResult check = provider.check(context(new ArrayList<>(), 10));
        assertEquals(Outcome.SUCCEEDED, check.outcome(), check.errorMessage());
        assertEquals("bc-fips", check.details().get("aide.hashProvider"));
    }

    @Test
    void progressEndsWithEveryEntryDone() {
        List<ScanProgress> seen = new ArrayList<>();
        ScanResult init = provider.initialize(context(new ArrayList<>(), 10).withProgress(seen::add));
        assertEquals(Outcome.SUCCEEDED, init.outcome(), init.errorMessage());
        ScanProgress last = seen.get(seen.size() - 1);
        assertEquals(20, last.filesDone(), "the 20 files under etc/ are selected");
        assertEquals("20", init.details().get("aide.entries"));
        assertEquals("bc-fips", init.details().get("aide.hashProvider"));
        assertEquals(last.filesTotal(), last.filesDone());
        assertEquals(init.statistics().bytesHashed(), last.bytesDone());
    }

    @Test
    void resultKeepsAtMostMaxChangesButCountsAndStreamsAll() throws IOException {
        provider.initialize(context(new ArrayList<>(), 10));
        for (int i = 0; i < 5; i++) {
            Files.writeString(host.resolve("etc/new" + i), "x");
        }
        List<FileChange> sink = new ArrayList<>();
        ScanResult check = provider.check(context(sink, 2));
        assertEquals(5, check.counts().added());
        assertEquals(2, check.changes().size());
        assertTrue(check.changesTruncated());
        assertEquals(5, sink.stream().filter(c -> c.kind() == ChangeKind.ADDED).count());
    }

    @Test
    void cancelledInitializeLeavesTheBaselineUntouched() throws IOException {
        provider.initialize(context(new ArrayList<>(), 10));
        byte[] before = Files.readAllBytes(state.resolve("aide.db"));
        Files.writeString(host.resolve("etc/file1.conf"), "changed\n");
        AtomicInteger polls = new AtomicInteger();
        ScanResult r = provider.initialize(context(new ArrayList<>(), 10).withCancellation(() -> polls.incrementAndGet() > 3));
        assertEquals(Outcome.ERRORED, r.outcome());
        assertArrayEquals(before, Files.readAllBytes(state.resolve("aide.db")));
        try (var files = Files.list(state)) {
            assertEquals(List.of(state.resolve("aide.db")), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void corruptBaselineIsAnErrorNamingTheLine() throws IOException {
        provider.initialize(context(new ArrayList<>(), 10));
        List<String> lines = new ArrayList<>(Files.readAllLines(state.resolve("aide.db")));
        lines.set(6, lines.get(6).replaceFirst(" [^ ]+$", " not*base64"));
        Files.write(state.resolve("aide.db"), lines);
        ScanResult r = provider.check(context(new ArrayList<>(), 10));
        assertEquals(Outcome.ERRORED, r.outcome());
        assertTrue(r.errorMessage().contains("aide.db:7:"), r.errorMessage());
    }

    @Test
    void checkWithoutBaselineIsAnErrorNamingTheDatabase() {
        ScanResult r = provider.check(context(new ArrayList<>(), 10));
        assertEquals(Outcome.ERRORED, r.outcome());
        assertTrue(r.errorMessage().contains(state.resolve("aide.db").toString()), r.errorMessage());
        assertFalse(r.errorMessage().isEmpty());
    }
}
