package io.fileintegrity.provider.ima.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ima.log.MeasurementListException;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.policy.PolicyJudge;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import io.fileintegrity.provider.ima.verify.ListVerifier;
import io.fileintegrity.provider.ima.verify.Reason;
import io.fileintegrity.provider.ima.verify.ReportRenderer;
import io.fileintegrity.provider.ima.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code fio ima verify}: one stateless check of a list file; prints the report, exits AIDE-style. */
final class VerifyCommand {

    private static final Set<String> VALUES = Set.of("--log", "--pcrs", "--tpm", "--policy", "--exclude-list", "--keys");
    private static final Set<String> FLAGS = Set.of("--binary", "--ascii", "--fail-on-violations");

    private final CommandInvocation invocation;

    VerifyCommand(CommandInvocation invocation) {
        this.invocation = invocation;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, VALUES, FLAGS);
        Path log = arguments.value("--log").map(invocation::resolve)
                .orElseThrow(() -> new IllegalArgumentException("verify needs --log FILE"));
        if (arguments.has("--pcrs") && arguments.has("--tpm")) {
            throw new IllegalArgumentException("give --pcrs or --tpm, not both");
        }
        if (arguments.has("--binary") && arguments.has("--ascii")) {
            throw new IllegalArgumentException("give --binary or --ascii, not both");
        }
        if (arguments.has("--exclude-list") && !arguments.has("--policy")) {
            throw new IllegalArgumentException("--exclude-list goes with --policy");
        }
        try {
            return verify(arguments, log);
        } catch (CommandFailure e) {
            invocation.err().println("fio ima verify: " + e.getMessage());
            return e.exitCode();
        }
    }

    private int verify(Arguments arguments, Path log) throws CommandFailure {
        Optional<Boolean> binary = arguments.has("--binary") ? Optional.of(true)
                : arguments.has("--ascii") ? Optional.of(false) : Optional.empty();
        SignatureKeys keys = InputFiles.keys(arguments.values("--keys").stream().map(invocation::resolve).toList());
        Optional<PolicyJudge> judge = Optional.empty();
        if (arguments.has("--policy")) {
            try {
                judge = Optional.of(new PolicyJudge(InputFiles.policy(invocation.resolve(arguments.value("--policy").get()),
                        arguments.value("--exclude-list").map(invocation::resolve)), keys));
            } catch (GeneralSecurityException e) {
                throw new CommandFailure(ExitCode.INVALID_INPUT, "policy verification-keys: " + e.getMessage());
            }
        }
        PcrValues pcrs = InputFiles.pcrs(arguments.values("--pcrs").stream().map(invocation::resolve).toList(),
                arguments.value("--tpm").map(invocation::resolve));
        VerificationReport report;
        try (MeasurementReader reader = InputFiles.list(log, binary)) {
            report = new ListVerifier(judge, pcrs, arguments.has("--fail-on-violations"), true)
                    .verify(reader, Map.of(), 0, f -> { }, () -> false);
        } catch (MeasurementListException e) {
            throw new CommandFailure(ExitCode.LIST_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.IO_ERROR, log + ": cannot read: " + e.getMessage());
        }
        invocation.out().print(new ReportRenderer(report)
                .line("Policy", arguments.value("--policy").orElse("none (template hashes and PCR 10 only)"))
                .line("TPM", pcrs.isEmpty() ? "none: PCR 10 not compared" : pcrs.source()).render());
        return exitCode(report);
    }

    private static int exitCode(VerificationReport report) {
        int code = ExitCode.OK;
        for (Reason reason : Reason.values()) {
            if (report.count(reason) > 0) {
                code |= switch (reason.kind()) {
                    case ADDED -> ExitCode.ADDED;
                    case REMOVED -> ExitCode.REMOVED;
                    case CHANGED -> ExitCode.CHANGED;
                };
            }
        }
        return code;
    }
}
