package io.fileintegrity.provider.aide.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import io.fileintegrity.provider.aide.config.AideConfig;
import io.fileintegrity.provider.aide.config.AideConfigParser;
import io.fileintegrity.provider.aide.config.ParseOptions;
import io.fileintegrity.provider.aide.config.ParseOutcome;
import io.fileintegrity.provider.aide.run.ExitCodes;
import java.io.PrintStream;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fio aide ...}: AIDE 0.18's command line on the Java engine. Same flags, same reports, same
 * exit codes, so a cron line with {@code aide} works with {@code fio aide}.
 */
@Component(service = Subcommand.class)
@SubcommandName("aide")
public final class AideCommand implements Subcommand {

    @Override
    public String summary() {
        return "AIDE 0.18-compatible file integrity check (init, check, update, compare, config-check)";
    }

    @Override
    public int run(CommandInvocation invocation) {
        PrintStream err = invocation.err();
        AideArguments args;
        try {
            args = AideArguments.parse(invocation.args());
        } catch (AideArguments.UsageException e) {
            err.println("aide: " + e.getMessage() + " (see --help)");
            return ExitCodes.INVALID_ARGUMENT;
        }
        switch (args.command()) {
            case HELP -> {
                invocation.out().print(Usage.TEXT);
                return ExitCodes.OK;
            }
            case VERSION -> {
                VersionText.print(invocation.out());
                return ExitCodes.OK;
            }
            default -> {
                return runWithConfig(invocation, args);
            }
        }
    }

    private static int runWithConfig(CommandInvocation invocation, AideArguments args) {
        LogOutput log = new LogOutput(invocation.err(), args.logLevel());
        boolean dry = args.command() == AideArguments.Command.CONFIG_CHECK
                || args.command() == AideArguments.Command.DRY_INIT;
        ParseOptions options = ParseOptions.defaults().withBeforeLines(args.before()).withAfterLines(args.after())
                .withDropNonApprovedHashes(args.dropNonApproved()).withDryRun(dry);
        ParseOutcome outcome = AideConfigParser.parse(invocation.resolve(args.config()), options);
        outcome.warnings().forEach(w -> log.warning(w.toString()));
        if (!outcome.ok()) {
            outcome.problems().forEach(p -> log.error(p.toString()));
            return outcome.exitCode() == 0 ? ExitCodes.CONFIG_ERROR : outcome.exitCode();
        }
        AideConfig config = outcome.config();
        if (args.command() == AideArguments.Command.CONFIG_CHECK) {
            return ExitCodes.OK;
        }
        return new AideCommandRun(invocation, args, config, log).run();
    }
}
