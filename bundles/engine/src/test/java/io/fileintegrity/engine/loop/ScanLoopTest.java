package io.fileintegrity.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.monitor.TargetState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanLoopTest {

    @TempDir
    Path state;

    private final FakeProvider provider = new FakeProvider();
    private final List<ScanResult> published = new ArrayList<>();
    private Path configFile;

    @BeforeEach
    void writeConfig() throws Exception {
        configFile = state.resolve("fake.conf");
        Files.writeString(configFile, "ok\n");
    }

    @Test
    void firstScanBuildsTheBaselineAndLaterScansCheck() {
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        assertEquals(Duration.ofSeconds(900), loop.step());
        assertEquals(Duration.ofSeconds(900), loop.step());
        assertEquals(List.of(ScanMode.INITIALIZE, ScanMode.CHECK), provider.calls);
        assertEquals(TargetState.ACTIVE, loop.state());
        assertEquals(2, published.size());
    }

    @Test
    void aRestartedLoopChecksInsteadOfRebuildingTheBaseline() {
        loop(settings(Duration.ZERO, false), registryWith(provider)).step();
        loop(settings(Duration.ZERO, false), registryWith(provider)).step();
        assertEquals(List.of(ScanMode.INITIALIZE, ScanMode.CHECK), provider.calls);
    }

    @Test
    void providerParametersReachTheProviderBesideTheLoopsOwn() {
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        loop.step();
        assertEquals("strict", provider.lastOptions.parameter("fake.mode", null));
        assertEquals("5", provider.lastOptions.parameter("fio.maxBackups", null));
    }

    @Test
    void initialDelayIsHonouredWithoutSleeping() {
        ScanLoop loop = loop(settings(Duration.ofSeconds(30), false), registryWith(provider));
        assertEquals(Duration.ofSeconds(30), loop.step());
        assertTrue(provider.calls.isEmpty());
    }

    @Test
    void aReinitRequestBeforeTheFirstBaselineKeepsTheInitialDelayAndBuildsItOnce() {
        ScanLoop loop = loop(settings(Duration.ofSeconds(30), false), registryWith(provider));
        loop.requestReinitialize();
        assertFalse(loop.hasRequest(), "nothing to rebuild yet: the runner keeps waiting");
        assertEquals(Duration.ofSeconds(30), loop.step());
        assertTrue(provider.calls.isEmpty());
    }

    @Test
    void reinitialiseRequestRebuildsTheBaselineAtTheNextStep() {
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        loop.step();
        loop.requestReinitialize();
        assertTrue(loop.hasRequest());
        loop.step();
        assertEquals(List.of(ScanMode.INITIALIZE, ScanMode.INITIALIZE), provider.calls);
    }

    @Test
    void reinitialisationBacksUpTheBaselineTheProviderNamed() throws Exception {
        Path db = state.resolve("aide.db.gz");
        Files.writeString(db, "baseline");
        provider.baselinePath = db.toString();
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        loop.step();
        loop.requestReinitialize();
        loop.step();
        try (var files = Files.list(state)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("aide.db.gz.backup-")).count());
        }
    }

    @Test
    void pausedTargetDoesNotScan() {
        ScanLoop loop = loop(settings(Duration.ZERO, true), registryWith(provider));
        loop.step();
        assertTrue(provider.calls.isEmpty());
        assertEquals(TargetState.PENDING, loop.state());
    }

    @Test
    void aHoldoffPausesTheLoopWithoutLosingItsHistoryAndResumesAfter() {
        TargetRecords records = new TargetRecords(state, 5);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        ScanLoop loop = new ScanLoop(settings(Duration.ZERO, false), registryWith(provider), records,
                published::add, clock, () -> false);
        loop.step();
        loop.reconfigure(settings(Duration.ZERO, true), records);
        loop.step();
        assertEquals(TargetState.PENDING, loop.state());
        loop.reconfigure(settings(Duration.ZERO, false), records);
        loop.step();
        assertEquals(List.of(ScanMode.INITIALIZE, ScanMode.CHECK), provider.calls);
        assertEquals(2, records.recent().size());
    }

    @Test
    void unknownProviderIsAnErroredResultListingTheAvailableOnes() {
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith());
        loop.step();
        ScanResult r = published.get(0);
        assertEquals(Outcome.ERRORED, r.outcome());
        assertTrue(r.errorMessage().contains("unknown integrity provider 'fake'"), r.errorMessage());
        assertEquals(TargetState.ERROR, loop.state());
    }

    @Test
    void aProviderThatThrowsGivesAnErroredResultAndTheLoopGoesOn() {
        provider.throwOnNext = true;
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        assertEquals(Duration.ofSeconds(900), loop.step());
        assertEquals(Outcome.ERRORED, published.get(0).outcome());
        assertTrue(published.get(0).errorMessage().contains("boom"));
        loop.step();
        assertEquals(Outcome.SUCCEEDED, published.get(1).outcome());
    }

    @Test
    void aProviderOutOfMemoryGivesAnErroredResultNamingTheHeapAndTheLoopGoesOn() {
        provider.errorOnNext = new OutOfMemoryError("Java heap space");
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        assertEquals(Duration.ofSeconds(900), loop.step());
        assertEquals(Outcome.ERRORED, published.get(0).outcome());
        String message = published.get(0).errorMessage();
        assertTrue(message.contains("ran out of memory") && message.contains("MiB heap")
                && message.contains("Java heap space"), message);
        assertEquals(TargetState.ERROR, loop.state());
        loop.step();
        assertEquals(Outcome.SUCCEEDED, published.get(1).outcome());
    }

    @Test
    void invalidConfigurationIsErroredWithFileAndLine() throws Exception {
        Files.writeString(configFile, "bad\n");
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        loop.step();
        assertEquals("invalid configuration: fake.conf:1: bad line", published.get(0).errorMessage());
        assertTrue(provider.calls.isEmpty());
    }

    @Test
    void missingConfigurationFileIsErrored() throws Exception {
        Files.delete(configFile);
        loop(settings(Duration.ZERO, false), registryWith(provider)).step();
        assertTrue(published.get(0).errorMessage().startsWith("cannot read configuration"));
    }

    @Test
    void changesOfAFailedScanCanBePagedAndFiltered() {
        ScanLoop loop = loop(settings(Duration.ZERO, false), registryWith(provider));
        loop.step();
        provider.changesOnCheck = 25;
        loop.step();
        TargetRecords records = new TargetRecords(state, 5);
        assertEquals(25, records.changes("", 0, 10).totalMatching());
        assertEquals(20, records.changes("", 20, 10).offset());
        assertEquals(5, records.changes("", 20, 10).changes().size());
        assertEquals(1, records.changes("FILE-7", 0, 10).totalMatching());
    }

    private ScanLoop loop(TargetSettings settings, ProviderRegistry registry) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        return new ScanLoop(settings, registry, new TargetRecords(state, 5), published::add, clock, () -> false);
    }

    private TargetSettings settings(Duration initialDelay, boolean paused) {
        return new TargetSettings("local", "", "fake", Path.of("/"), configFile, "fake.conf", state,
                Duration.ofSeconds(900), initialDelay, 5, 1, 0, 0, paused, Map.of("fake.mode", "strict"));
    }

    private static ProviderRegistry registryWith(IntegrityProvider... providers) {
        return new ProviderRegistry() {
            @Override
            public Optional<IntegrityProvider> find(String name) {
                return List.of(providers).stream().filter(p -> p.describe().name().equals(name)).findFirst();
            }

            @Override
            public List<ProviderDescriptor> descriptors() {
                return List.of(providers).stream().map(IntegrityProvider::describe).toList();
            }
        };
    }

    /** A named fake provider: records calls, reports a configurable number of changed files. */
    static final class FakeProvider implements IntegrityProvider {
        final List<ScanMode> calls = new ArrayList<>();
        boolean throwOnNext;
        Error errorOnNext;
        int changesOnCheck;
        String baselinePath;
        io.fileintegrity.api.ScanOptions lastOptions;

        @Override
        public ProviderDescriptor describe() {
            return new ProviderDescriptor("fake", Maturity.EXPERIMENTAL, "test double", true, "text/plain");
        }

        @Override
        public List<ConfigProblem> validate(ProviderConfig config) {
            return config.text().startsWith("bad") ? List.of(new ConfigProblem(config.source(), 1, "bad line"))
                    : List.of();
        }

        @Override
        public ScanResult initialize(ScanContext context) {
            return scan(ScanMode.INITIALIZE, context);
        }

        @Override
        public ScanResult check(ScanContext context) {
            return scan(ScanMode.CHECK, context);
        }

        private ScanResult scan(ScanMode mode, ScanContext context) {
            if (throwOnNext) {
                throwOnNext = false;
                throw new IllegalStateException("boom");
            }
            if (errorOnNext != null) {
                Error error = errorOnNext;
                errorOnNext = null;
                throw error;
            }
            calls.add(mode);
            lastOptions = context.options();
            int n = mode == ScanMode.CHECK ? changesOnCheck : 0;
            for (int i = 0; i < n; i++) {
                context.changes().accept(FileChange.added("/etc/file-" + i));
            }
            ScanResult.Builder result = ScanResult.builder("fake", mode)
                    .outcome(n > 0 ? Outcome.FAILED : Outcome.SUCCEEDED).counts(new ChangeCounts(n, 0, 0));
            if (baselinePath != null) {
                result.detail("baseline.path", baselinePath);
            }
            return result.build();
        }
    }
}
