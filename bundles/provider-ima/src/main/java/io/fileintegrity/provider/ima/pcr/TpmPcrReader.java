package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads PCR 0-10 from a TPM's sysfs directory ({@code /sys/class/tpm/tpm0}), which has one file
 * {@code pcr-<bank>/<index>} holding upper-case hex per allocated bank (kernel 5.12 and later, TPM 2.0).
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
        Map<HashAlgorithm, byte[]> pcr10 = new LinkedHashMap<>();
        Map<HashAlgorithm, List<byte[]>> boot = new LinkedHashMap<>();
        for (HashAlgorithm bank : HashAlgorithm.PCR_BANKS) {
            Map<Integer, byte[]> pcrs = new TreeMap<>();
            for (int index = 0; index <= PcrReplay.IMA_PCR; index++) {
                Path file = tpmDirectory.resolve("pcr-" + bank.kernelName()).resolve(Integer.toString(index));
                if (Files.isRegularFile(file)) {
                    pcrs.put(index, value(file, bank));
                }
            }
            if (pcrs.containsKey(PcrReplay.IMA_PCR)) {
                pcr10.put(bank, pcrs.get(PcrReplay.IMA_PCR));
                boot.put(bank, PcrFileReader.bootPcrs(pcrs));
            }
        }
        return pcr10.isEmpty() ? Optional.empty() : Optional.of(new PcrValues(tpmDirectory.toString(), pcr10, boot));
    }

    private static byte[] value(Path file, HashAlgorithm bank) throws PcrReadException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new PcrReadException(file + ": cannot read: " + e.getMessage());
        }
        return Hex.decode(text).filter(v -> v.length == bank.size()).orElseThrow(
                () -> new PcrReadException(file + ": not a " + bank + " PCR value: '"
                        + io.fileintegrity.provider.ima.template.TemplateFieldText.shorten(text) + "'"));
    }
}
