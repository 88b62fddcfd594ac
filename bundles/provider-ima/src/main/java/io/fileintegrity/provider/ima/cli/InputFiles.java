package io.fileintegrity.provider.ima.cli;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.pcr.PcrFileReader;
import io.fileintegrity.provider.ima.pcr.PcrReadException;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.pcr.TpmPcrReader;
import io.fileintegrity.provider.ima.policy.AllowlistParser;
import io.fileintegrity.provider.ima.policy.PolicyParseResult;
import io.fileintegrity.provider.ima.policy.RuntimePolicy;
import io.fileintegrity.provider.ima.scan.ListSource;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the files named on the command line, turning each problem into a {@link CommandFailure}. */
final class InputFiles {

    private InputFiles() {
    }

    static String text(Path file) throws CommandFailure {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CommandFailure(ExitCode.IO_ERROR, file + ": cannot read: " + e.getMessage());
        }
    }

    static MeasurementReader list(Path file, Optional<Boolean> binary) throws CommandFailure {
        try {
            return ListSource.of(file, binary).open();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.IO_ERROR, file + ": cannot read: " + e.getMessage());
        }
    }

    static RuntimePolicy policy(Path file, Optional<Path> excludeList) throws CommandFailure {
        String text = text(file);
        PolicyParseResult parsed;
        if (excludeList.isEmpty()) {
            parsed = AllowlistParser.parseAny(file.toString(), text);
        } else if (AllowlistParser.isJson(text)) {
            throw new CommandFailure(ExitCode.INVALID_INPUT, excludeList.get()
                    + ": an exclude list goes with an allowlist; a runtime policy has its own \"excludes\"");
        } else {
            parsed = AllowlistParser.parse(file.toString(), text, excludeList.get().toString(), text(excludeList.get()));
        }
        if (!parsed.problems().isEmpty()) {
            throw new CommandFailure(ExitCode.INVALID_INPUT,
                    parsed.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        }
        return parsed.policy().orElseThrow();
    }

    /** PCR 10 from one or more files (their banks merged) or from a TPM directory; none when neither is given. */
    static PcrValues pcrs(List<Path> files, Optional<Path> tpm) throws CommandFailure {
        try {
            if (!files.isEmpty()) {
                PcrValues merged = PcrValues.none();
                for (Path file : files) {
                    text(file);
                    merged = merged.merge(PcrFileReader.read(file));
                }
                return merged;
            }
            if (tpm.isPresent()) {
                return TpmPcrReader.read(tpm.get()).orElseThrow(() -> new CommandFailure(ExitCode.IO_ERROR,
                        tpm.get() + ": no pcr-<bank>/10 files (not a TPM 2.0 sysfs directory, or kernel older than 5.12)"));
            }
            return PcrValues.none();
        } catch (PcrReadException e) {
            throw new CommandFailure(ExitCode.INVALID_INPUT, e.getMessage());
        }
    }

    static SignatureKeys keys(List<Path> certificates) throws CommandFailure {
        SignatureKeys keys = new SignatureKeys();
        for (Path certificate : certificates) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(certificate);
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.IO_ERROR, certificate + ": cannot read: " + e.getMessage());
            }
            try {
                keys.addCertificate(bytes);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new CommandFailure(ExitCode.INVALID_INPUT, certificate + ": not an X.509 certificate: " + e.getMessage());
            }
        }
        return keys;
    }
}
