package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads PCR 10 from a TPM's sysfs directory ({@code /sys/class/tpm/tpm0}), which has one file
 * {@code pcr-<bank>/10} holding upper-case hex per allocated bank (kernel 5.12 and later, TPM 2.0).
 */
public final class TpmPcrReader {

    /** Where the first TPM appears, relative to the host root. */
    public static final String DEFAULT_TPM = "sys/class/tpm/tpm0";

    private TpmPcrReader() {
    }

    /**
     * PCR 10 of every bank the TPM exposes.
     *
     * @return the values, or empty when the directory has no {@code pcr-<bank>} files (no TPM 2.0)
     */
    public static Optional<PcrValues> read(Path tpmDirectory) throws PcrReadException {
        Map<HashAlgorithm, byte[]> values = new LinkedHashMap<>();
        for (HashAlgorithm bank : HashAlgorithm.PCR_BANKS) {
            Path file = tpmDirectory.resolve("pcr-" + bank.kernelName()).resolve("10");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new PcrReadException(file + ": cannot read: " + e.getMessage());
            }
            byte[] value = Hex.decode(text).filter(v -> v.length == bank.size()).orElseThrow(
                    () -> new PcrReadException(file + ": not a " + bank + " PCR value: '"
                            + io.fileintegrity.provider.ima.template.TemplateFieldText.shorten(text) + "'"));
            values.put(bank, value);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(new PcrValues(tpmDirectory.toString(), values));
    }
}
