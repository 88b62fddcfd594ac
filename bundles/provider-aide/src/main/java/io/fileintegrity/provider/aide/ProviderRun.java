package io.fileintegrity.provider.aide;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.aide.config.AideConfig;
import io.fileintegrity.provider.aide.config.AideConfigParser;
import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.ConfigSource;
import io.fileintegrity.provider.aide.config.FileSystemConfigFiles;
import io.fileintegrity.provider.aide.config.ParseOptions;
import io.fileintegrity.provider.aide.config.ParseOutcome;
import io.fileintegrity.provider.aide.config.SelectionMatcher;
import io.fileintegrity.provider.aide.run.AideEngine;
import io.fileintegrity.provider.aide.run.AideRunException;
import io.fileintegrity.provider.aide.run.BoundedReport;
import io.fileintegrity.provider.aide.run.ExitCodes;
import io.fileintegrity.provider.aide.run.ReportPublisher;
import io.fileintegrity.provider.aide.run.ResultReports;
import io.fileintegrity.provider.aide.run.RuleSelector;
import io.fileintegrity.provider.aide.run.RunEnvironment;
import io.fileintegrity.provider.aide.run.RunOutcome;
import io.fileintegrity.provider.aide.scan.HashProvider;
import io.fileintegrity.provider.aide.scan.Paths8;
import io.fileintegrity.provider.aide.scan.ScanSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** One {@code initialize} or {@code check} of {@link AideIntegrityProvider}. */
final class ProviderRun {
    static final String REPORT_LIMIT_PARAMETER = "aide.report-limit";
    private final ScanContext context;
    private final ScanMode mode;
    private final ScanResult.Builder result;

    ProviderRun(ScanContext context, ScanMode mode) {
        this.context = context;
        this.mode = mode;
        this.result = ScanResult.builder(AideIntegrityProvider.NAME, mode);
    }

    ScanResult run() {
        try {
            return execute();
        } catch (AideRunException e) {
            return result.errored(e.getMessage() + " (AIDE exit code " + e.exitCode() + ")").finishedNow().build();
        } catch (CancellationException e) {
            return result.errored("cancelled; the baseline was left as it was").finishedNow().build();
        } catch (IllegalArgumentException e) {
            return result.errored(e.getMessage()).finishedNow().build();
        }
    }

    private ScanResult execute() throws AideRunException {
        ParseOutcome parsed = parse();
        if (!parsed.ok()) {
            String more = parsed.problems().size() > 1 ? " (and " + (parsed.problems().size() - 1) + " more)" : "";
            return result.errored(parsed.problems().get(0) + more).finishedNow().build();
        }
        AideConfig config = parsed.config();
        RuleSelector rules = new RuleSelector(SelectionMatcher.of(config));
        ScanSettings settings = new ScanSettings(config.rootPrefix(), context.options().threads(),
                context.options().ioBytesPerSecond(),
                HashProvider.parse(context.options().parameter(HashProvider.PARAMETER, null)),
                config.aclNoSymlinkFollow(), true);
        RunEnvironment env = new RunEnvironment(config, rules, rules, settings, null, context.cancellation(),
                context.progress(), InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), context.stateDirectory());
        AideEngine engine = new AideEngine(env);
        int reportLimit = reportLimit();
        try (RunOutcome outcome = mode == ScanMode.INITIALIZE ? engine.init(false) : engine.check(false)) {
            if (mode == ScanMode.INITIALIZE) {
                promote(config);
            }
            return finish(config, outcome, reportLimit, settings.hashProvider());
        } catch (IOException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, "cannot read the run's differences back from their spill file"
                    + " in " + context.stateDirectory() + ": " + e.getMessage(), e);
        }
    }

    private ParseOutcome parse() {
        Path state = context.stateDirectory();
        boolean drop = Boolean.parseBoolean(context.options().parameter(AideIntegrityProvider.DROP_PARAMETER, "false"));
        ParseOptions options = ParseOptions.defaults().withDropNonApprovedHashes(drop).withAfterLines(List.of(
                "database_in=file:" + state.resolve("aide.db"), "database_out=file:" + state.resolve("aide.db.new")));
        ConfigSource source = new ConfigSource(context.config().source(), context.config().text(),
                FileSystemConfigFiles.workingDirectory());
        return AideConfigParser.parse(source, options);
    }

    /** Moves the new database over {@code database_in}, as FIO's daemon does after {@code aide --init}. */
    private static void promote(AideConfig config) throws AideRunException {
        AideUrl out = config.databaseOut().orElseThrow();
        AideUrl in = config.databaseIn().orElseThrow();
        if (out.type() != AideUrl.Type.FILE || in.type() != AideUrl.Type.FILE || in.value().equals(out.value())) {
            return;
        }
        try {
            Files.move(Path.of(out.value()), Path.of(in.value()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AideRunException(14, "cannot move the new database " + out.value() + " to " + in.value() + ": "
                    + e.getMessage(), e);
        }
    }

    private ScanResult finish(AideConfig config, RunOutcome outcome, int reportLimit, HashProvider hashes)
            throws IOException {
        long entries = outcome.facts().totalEntries();
        long bytes = outcome.statistics().bytesHashed();
        context.progress().progress(new ScanProgress(entries, bytes, entries, bytes));
        ResultReports reports = new ResultReports(outcome.facts(), config.reportUrls());
        reports.publish();
        List<FileChange> kept = new ArrayList<>();
        ChangeCounts counts = mode == ScanMode.CHECK
                ? reports.changes(context.changes(), context.options().maxChangesInResult(), kept, this::displayPath)
                : ChangeCounts.NONE;
        List<String> reportProblems = reports.problems();
        result.outcome(counts.total() == 0 ? Outcome.SUCCEEDED : Outcome.FAILED).counts(counts)
                .changes(kept, kept.size() < counts.total()).report(reports.text(reportLimit))
                .statistics(outcome.statistics())
                .detail("aide.exitCode", Integer.toString(ReportPublisher.exitCode(outcome.facts(), config.reportUrls())))
                .detail("aide.database", config.databaseIn().map(AideUrl::value).orElse(""))
                // the runtime shows this file's size, age and digest, and backs it up before a re-init
                .detail("baseline.path", config.databaseIn().filter(u -> u.type() == AideUrl.Type.FILE)
                        .map(AideUrl::value).orElse(""))
                .detail("aide.entries", Long.toString(outcome.facts().totalEntries()))
                // which module computed the digests: an auditor's question in FIPS environments
                .detail("aide.hashProvider", hashes.label())
                .detail("aide.warnings", Integer.toString(outcome.warnings().size() + reportProblems.size()));
        if (!outcome.warnings().isEmpty()) {
            result.detail("aide.firstWarning", outcome.warnings().get(0));
        }
        if (!reportProblems.isEmpty()) {
            result.detail("aide.reportWarnings", String.join("\n", reportProblems));
        }
        return result.finishedNow().build();
    }

    /** The {@code aide.report-limit} parameter: characters of report text in the result (default 1 MiB). */
    private int reportLimit() {
        String value = context.options().parameter(REPORT_LIMIT_PARAMETER, null);
        if (value == null) {
            return BoundedReport.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1024) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(REPORT_LIMIT_PARAMETER + " must be a number of characters >= 1024, not '"
                + value + "'");
    }

    /** A database name as the host sees it: UTF-8 text, without the host-root prefix. */
    private String displayPath(String name) {
        String path = Paths8.toUnicode(name);
        String root = context.hostRoot().toString();
        if (root.equals("/") || root.isEmpty()) {
            return path;
        }
        if (path.equals(root)) {
            return "/";
        }
        return path.startsWith(root + "/") ? path.substring(root.length()) : path;
    }
}
