package io.fileintegrity.provider.ima.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ima.log.MeasurementListException;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.policy.PolicyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code fio ima policy --from-log FILE}: a starting runtime policy from a trusted node's list. */
final class PolicyCommand {

    private final CommandInvocation invocation;

    PolicyCommand(CommandInvocation invocation) {
        this.invocation = invocation;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--from-log", "--output"), Set.of("--binary", "--ascii"));
        Path log = arguments.value("--from-log").map(invocation::resolve)
                .orElseThrow(() -> new IllegalArgumentException("policy needs --from-log FILE"));
        if (arguments.has("--binary") && arguments.has("--ascii")) {
            throw new IllegalArgumentException("give --binary or --ascii, not both");
        }
        Optional<Boolean> binary = arguments.has("--binary") ? Optional.of(true)
                : arguments.has("--ascii") ? Optional.of(false) : Optional.empty();
        try {
            String policy;
            try (MeasurementReader reader = InputFiles.list(log, binary)) {
                policy = new PolicyGenerator().add(reader).toJson(Instant.now());
            } catch (MeasurementListException e) {
                throw new CommandFailure(ExitCode.LIST_ERROR, e.getMessage());
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.IO_ERROR, log + ": cannot read: " + e.getMessage());
            }
            write(arguments.value("--output").map(invocation::resolve), policy);
            return ExitCode.OK;
        } catch (CommandFailure e) {
            invocation.err().println("fio ima policy: " + e.getMessage());
            return e.exitCode();
        }
    }

    private void write(Optional<Path> output, String policy) throws CommandFailure {
        if (output.isEmpty()) {
            invocation.out().print(policy);
            return;
        }
        try {
            Files.writeString(output.get(), policy, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.IO_ERROR, output.get() + ": cannot write: " + e.getMessage());
        }
    }
}
