package io.fileintegrity.provider.aide.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.aide.config.AideConfig;
import io.fileintegrity.provider.aide.config.FileType;
import io.fileintegrity.provider.aide.config.SelectionMatcher;
import io.fileintegrity.provider.aide.run.AideEngine;
import io.fileintegrity.provider.aide.run.AideRunException;
import io.fileintegrity.provider.aide.run.ExitCodes;
import io.fileintegrity.provider.aide.run.ReportPublisher;
import io.fileintegrity.provider.aide.run.RuleSelector;
import io.fileintegrity.provider.aide.run.RunEnvironment;
import io.fileintegrity.provider.aide.run.RunOutcome;
import io.fileintegrity.provider.aide.scan.HashProvider;
import io.fileintegrity.provider.aide.scan.ScanSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.PatternSyntaxException;

/** One {@code fio aide} command on a parsed configuration. */
final class AideCommandRun {
    private final CommandInvocation invocation;
    private final AideArguments args;
    private final AideConfig config;
    private final LogOutput log;

    AideCommandRun(CommandInvocation invocation, AideArguments args, AideConfig config, LogOutput log) {
        this.invocation = invocation;
        this.args = args;
        this.config = config;
        this.log = log;
    }

    int run() {
        SelectionMatcher matcher;
        try {
            matcher = SelectionMatcher.of(config, args.limit());
        } catch (PatternSyntaxException e) {
            log.error("invalid limit regex '" + args.limit() + "': " + e.getDescription());
            return ExitCodes.INVALID_ARGUMENT;
        }
        if (args.command() == AideArguments.Command.PATH_CHECK) {
            return pathCheck(matcher);
        }
        if (args.command() == AideArguments.Command.DRY_INIT) {
            if (config.databaseOut().isEmpty()) {
                log.error("missing 'database_out', config option is required");
                return ExitCodes.INVALID_ARGUMENT;
            }
            new DryInitWalk(matcher, config.rootPrefix(), args.limit(), invocation.out(), log).run();
            return ExitCodes.OK;
        }
        return scanAndReport(matcher);
    }

    private int scanAndReport(SelectionMatcher matcher) {
        ScanSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            return ExitCodes.INVALID_ARGUMENT;
        }
        if (settings.hashProvider() == HashProvider.BC_FIPS
                && !config.ruleAttributeUnion().union(config.databaseAttrs()).hashes().isEmpty()) {
            HashProvider.warmUp();
        }
        RuleSelector rules = new RuleSelector(matcher);
        RunEnvironment env = new RunEnvironment(config, rules, rules, settings, args.limit(), null, null,
                invocation.in(), invocation.out(), invocation.err(), null);
        List<String> problems = new ArrayList<>();
        // AIDE opens every report_url before it scans (init_report_urls) and stops with 17 if one fails
        try (ReportPublisher reports = ReportPublisher.open(config.reportUrls(),
                ReportPublisher.Outputs.of(invocation.out(), invocation.err()), log::warning, problems)) {
            if (!problems.isEmpty()) {
                problems.forEach(log::error);
                return ExitCodes.CONFIG_ERROR;
            }
            return runAndReport(new AideEngine(env), reports);
        }
    }

    private int runAndReport(AideEngine engine, ReportPublisher reports) {
        try (RunOutcome outcome = execute(engine)) {
            outcome.warnings().forEach(log::warning);
            reports.publish(outcome.facts()).forEach(log::error);
            return ReportPublisher.exitCode(outcome.facts(), config.reportUrls());
        } catch (AideRunException e) {
            log.error(e.getMessage());
            return e.exitCode();
        } catch (CancellationException e) {
            log.error("interrupted: " + e.getMessage());
            return ExitCodes.THREAD_ERROR;
        } catch (IOException e) {
            log.error("cannot read the run's differences back: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
    }

    private RunOutcome execute(AideEngine engine) throws AideRunException {
        return switch (args.command()) {
            case INIT -> engine.init(false);
            case UPDATE -> engine.check(true);
            case COMPARE -> engine.compare();
            default -> engine.check(false);
        };
    }

    private ScanSettings settings() {
        int cpus = Runtime.getRuntime().availableProcessors();
        int workers = args.workers() != null ? args.workers()
                : config.numWorkers().map(w -> w.resolve(cpus)).orElse(cpus);
        return new ScanSettings(config.rootPrefix(), Math.max(1, workers), 0, HashProvider.parse(args.hashProvider()),
                config.aclNoSymlinkFollow(), true);
    }

    private int pathCheck(SelectionMatcher matcher) {
        String spec = args.pathCheck();
        int colon = spec.indexOf(':');
        Optional<FileType> type = colon == 1 ? FileType.fromLetter(spec.charAt(0)) : Optional.empty();
        if (type.isEmpty() || spec.length() < 3 || spec.charAt(2) != '/') {
            log.error("--path-check needs TYPE:PATH with TYPE one of f d l p b c s and an absolute PATH, not '"
                    + spec + "'");
            return ExitCodes.INVALID_ARGUMENT;
        }
        String path = spec.substring(2);
        var match = matcher.match(path, type.get());
        invocation.out().println(match.describe(path, type.get(), args.limit()));
        return match.pathCheckExitCode();
    }
}
