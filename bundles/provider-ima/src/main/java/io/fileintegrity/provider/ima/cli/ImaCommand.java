package io.fileintegrity.provider.ima.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code fio ima verify ...} and {@code fio ima policy ...}. */
@Component(service = Subcommand.class)
@SubcommandName("ima")
public final class ImaCommand implements Subcommand {

    static final String USAGE = """
            Usage:
              fio ima verify --log FILE [--binary|--ascii] [--pcrs FILE... | --tpm DIR] [--policy FILE]
                             [--exclude-list FILE] [--keys CERT]... [--fail-on-violations]
              fio ima policy --from-log FILE [--binary|--ascii] [--output FILE]
              fio ima --help

            verify   checks every template hash, replays PCR 10 in every bank and compares it with the TPM
                     (--tpm: a sysfs directory such as /sys/class/tpm/tpm0; --pcrs, repeatable: tpm2_pcrread
                     output, '<bank>:10 <hex>' lines or pcrs-<bank>.txt files), and judges every entry by a Keylime runtime policy (JSON) or
                     allowlist. --keys adds X.509 certificates (PEM or DER) for ima-sig signatures.
                     The list is binary when its name contains 'binary', unless --binary/--ascii says.
            policy   writes a Keylime runtime policy (meta version 1) from a trusted node's list to
                     standard output or --output.

            Exit codes (as AIDE's): 0 nothing found; otherwise a bitmask of 1 (measurements not in the
            policy) and 4 (digest, template hash, signature or PCR mismatches, violations with
            --fail-on-violations); 15 bad command line; 17 invalid policy, exclude list, PCR values or
            key; 18 a file cannot be read or written; 24 malformed measurement list.
            """;

    @Override
    public String summary() {
        return "Verify an IMA measurement list (template hashes, PCR 10, Keylime policy) or make a policy from one";
    }

    @Override
    public int run(CommandInvocation invocation) {
        List<String> args = invocation.args();
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            (args.isEmpty() ? invocation.err() : invocation.out()).print(USAGE);
            return args.isEmpty() ? ExitCode.INVALID_ARGUMENT : ExitCode.OK;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            invocation.out().print(USAGE);
            return ExitCode.OK;
        }
        try {
            return switch (args.get(0)) {
                case "verify" -> new VerifyCommand(invocation).run(rest);
                case "policy" -> new PolicyCommand(invocation).run(rest);
                default -> throw new IllegalArgumentException("unknown command '" + args.get(0) + "' (verify, policy)");
            };
        } catch (IllegalArgumentException e) {
            invocation.err().println("fio ima: " + e.getMessage());
            invocation.err().println("Try 'fio ima --help'.");
            return ExitCode.INVALID_ARGUMENT;
        }
    }
}
