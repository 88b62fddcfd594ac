package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.provider.aide.compare.BaselineFilter;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.compare.FileContent;
import io.fileintegrity.provider.aide.compare.MovedEntries;
import io.fileintegrity.provider.aide.compare.SortedMerge;
import io.fileintegrity.provider.aide.config.AideConfig;
import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DatabaseFormatException;
import io.fileintegrity.provider.aide.database.DatabaseReader;
import io.fileintegrity.provider.aide.database.DatabaseWriter;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.EntryStream;
import io.fileintegrity.provider.aide.report.DatabaseDigest;
import io.fileintegrity.provider.aide.report.RunFacts;
import io.fileintegrity.provider.aide.report.RunKind;
import io.fileintegrity.provider.aide.scan.FilesystemScan;
import io.fileintegrity.provider.aide.scan.IoThrottle;
import io.fileintegrity.provider.aide.scan.ScanCounters;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AIDE's four database operations on one configuration: {@code --init}, {@code --check},
 * {@code --update} and {@code --compare}. Streaming throughout: a check reads the baseline and scans
 * the disk in lock-step (a sorted merge). Errors are {@link AideRunException}s with AIDE's exit code;
 * cancellation is a {@link java.util.concurrent.CancellationException}. One run per call; thread-safe.
 */
public final class AideEngine {
    /** The AIDE version whose formats and behaviour this engine follows. */
    public static final String AIDE_VERSION = "0.18.3";

    private final RunEnvironment env;
    private final DatabaseAccess access;

    public AideEngine(RunEnvironment env) {
        this.env = env;
        this.access = new DatabaseAccess(env);
    }

    /** Scans and writes {@code database_out} (not with {@code dryRun}). */
    public RunOutcome init(boolean dryRun) throws AideRunException {
        DifferenceStore all = new DifferenceStore(env.spillDirectory());
        return closedOnFailure(all, () -> init(dryRun, all));
    }

    private RunOutcome init(boolean dryRun, DifferenceStore all) throws AideRunException {
        long start = now();
        AideUrl out = required(env.config().databaseOut(), "database_out");
        ScanCounters counters = new ScanCounters();
        Map<Attribute, MessageDigest> digests = access.newDigests();
        boolean detailed = env.config().reportUrls().stream().anyMatch(u -> u.settings().detailedInit());
        long total = 0;
        try (FilesystemScan scan = newScan(counters, new IoThrottle(env.scan().ioBytesPerSecond()));
                DatabaseWriter writer = dryRun ? null : access.create(out, digests)) {
            DatabaseOutput.header(writer, env.config());
            for (DbEntry e; (e = scan.next()) != null; total++) {
                DatabaseOutput.write(writer, e, out);
                if ((total & 4095) == 4095) {
                    env.progress().progress(new ScanProgress(total + 1, counters.bytesHashed(), -1, -1));
                }
                if (detailed) {
                    all.add(new Difference(null, e, AttributeSet.EMPTY));
                }
            }
            DatabaseOutput.commit(writer, out);
        } catch (IOException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
        List<DatabaseDigest> dbs = dryRun || digests.isEmpty() ? List.of() : List.of(DatabaseAccess.finish(out, digests));
        RunFacts facts = facts(RunKind.INIT, start, total, all, dryRun ? null : out.value(), dbs);
        return new RunOutcome(facts, counters.warnings(), counters.statistics());
    }

    /** Compares {@code database_in} with the disk; with {@code update} also writes {@code database_out}. */
    public RunOutcome check(boolean update) throws AideRunException {
        DifferenceStore store = new DifferenceStore(env.spillDirectory());
        return closedOnFailure(store, () -> check(update, store));
    }

    private RunOutcome check(boolean update, DifferenceStore store) throws AideRunException {
        long start = now();
        AideUrl in = required(env.config().databaseIn(), "database_in");
        AideUrl out = update ? required(env.config().databaseOut(), "database_out") : null;
        if (update && in.type() == out.type() && in.value().equals(out.value())) {
            throw new AideRunException(ExitCodes.INVALID_ARGUMENT, "database_in and database_out are equal: '"
                    + in + "'");
        }
        ScanCounters counters = new ScanCounters();
        Map<Attribute, MessageDigest> inDigests = access.newDigests();
        Map<Attribute, MessageDigest> outDigests = access.newDigests();
        DifferenceCollector collector;
        IoThrottle throttle = new IoThrottle(env.scan().ioBytesPerSecond());
        FileContent content = new DiskContent(env.scan(), throttle, counters, env.cancellation());
        try (DatabaseReader baseline = access.open(in, "database_in", inDigests);
                DatabaseWriter writer = update ? access.create(out, outDigests) : null;
                FilesystemScan scan = newScan(counters, throttle)) {
            DatabaseOutput.header(writer, env.config());
            collector = new DifferenceCollector(writer, env.progress(), counters, store);
            merge(baseline, scan, collector, out, content);
            baseline.drain();
            DatabaseOutput.commit(writer, out);
        } catch (IOException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
        List<DatabaseDigest> dbs = new ArrayList<>();
        if (!inDigests.isEmpty()) {
            dbs.add(DatabaseAccess.finish(in, inDigests));
            if (update) {
                dbs.add(DatabaseAccess.finish(out, outDigests));
            }
        }
        DifferenceStore differences = moved(collector.differences(), new MovedEntries(content));
        RunFacts facts = facts(update ? RunKind.UPDATE : RunKind.CHECK, start, collector.total(), differences,
                update ? out.value() : null, dbs);
        return new RunOutcome(facts, counters.warnings(), counters.statistics());
    }

    /** Compares {@code database_in} with {@code database_new}; no file-system access. */
    public RunOutcome compare() throws AideRunException {
        DifferenceStore store = new DifferenceStore(env.spillDirectory());
        return closedOnFailure(store, () -> compare(store));
    }

    private RunOutcome compare(DifferenceStore store) throws AideRunException {
        long start = now();
        AideUrl in = required(env.config().databaseIn(), "database_in");
        AideUrl other = required(env.config().databaseNew(), "database_new");
        ScanCounters counters = new ScanCounters();
        Map<Attribute, MessageDigest> inDigests = access.newDigests();
        Map<Attribute, MessageDigest> newDigests = access.newDigests();
        DifferenceCollector collector = new DifferenceCollector(null, env.progress(), counters, store);
        try (DatabaseReader baseline = access.open(in, "database_in", inDigests);
                DatabaseReader current = access.open(other, "database_new", newDigests)) {
            merge(baseline, selectedOnly(current), collector, null, FileContent.NONE);
            baseline.drain();
            current.drain();
        } catch (IOException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
        List<DatabaseDigest> dbs = inDigests.isEmpty() ? List.of()
                : List.of(DatabaseAccess.finish(in, inDigests), DatabaseAccess.finish(other, newDigests));
        DifferenceStore differences = moved(collector.differences(), new MovedEntries(FileContent.NONE));
        RunFacts facts = facts(RunKind.COMPARE, start, collector.total(), differences, null, dbs);
        return new RunOutcome(facts, counters.warnings(), counters.statistics());
    }

    private EntryStream selectedOnly(DatabaseReader reader) {
        return new EntryStream() {
            @Override
            public DbEntry next() throws IOException {
                for (DbEntry e; (e = reader.next()) != null; ) {
                    if (env.baselineFilter().verdict(e.name(), e.perm()) == BaselineFilter.Verdict.COMPARE) {
                        return e;
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    private void merge(EntryStream baseline, EntryStream current, DifferenceCollector collector, AideUrl out,
            FileContent content) throws AideRunException, IOException {
        try {
            new SortedMerge(env.baselineFilter(), env.cancellation(), content).run(baseline, current, collector);
        } catch (DatabaseFormatException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, "corrupt database: " + e.getMessage(), e);
        } catch (DatabaseWriteException e) {
            throw new AideRunException(ExitCodes.WRITE_ERROR, "cannot write database_out '"
                    + (out == null ? "" : out.value()) + "': " + e.getMessage(), e);
        }
    }

    private FilesystemScan newScan(ScanCounters counters, IoThrottle throttle) {
        return new FilesystemScan(env.scan(), env.selector(), env.cancellation(), counters, throttle);
    }

    /** Runs a body; if it fails (error, cancellation, bug), the store and its spill file are released. */
    private static RunOutcome closedOnFailure(DifferenceStore store, RunBody body) throws AideRunException {
        boolean ok = false;
        try {
            RunOutcome outcome = body.run();
            ok = true;
            return outcome;
        } finally {
            if (!ok) {
                store.close();
            }
        }
    }

    @FunctionalInterface
    private interface RunBody {
        RunOutcome run() throws AideRunException;
    }

    private RunFacts facts(RunKind kind, long start, long total, DifferenceStore differences, String newDatabase,
            List<DatabaseDigest> dbs) {
        AideConfig c = env.config();
        return new RunFacts(kind, start, now(), total, differences, newDatabase, c.configVersion().orElse(null),
                env.limit(), c.rootPrefix(), dbs);
    }

    private static AideUrl required(java.util.Optional<AideUrl> url, String option) throws AideRunException {
        return url.orElseThrow(() -> new AideRunException(ExitCodes.INVALID_ARGUMENT, "missing " + option
                + " in the configuration"));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** AIDE's moved entries, resolved per directory; only directories with a rename/rotation candidate are loaded. */
    private DifferenceStore moved(DifferenceStore store, MovedEntries moves) throws AideRunException {
        try {
            return DirectoryRewrite.apply(store, MovedEntries::mayMove, moves::resolve,
                    new DifferenceStore(env.spillDirectory()));
        } catch (IOException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
    }
}
