package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;

/**
 * How the replay of one bank compares with the TPM.
 *
 * @param bank the bank
 * @param tpmValue PCR 10 as the TPM reports it
 * @param replayValue the replayed value after the whole list (in the matching mode, or bank hashes)
 * @param matchedMode the extend mode that reproduced the TPM value, or null when none did
 * @param matchedAtEntry the entry after which the TPM value was reached, -1 when never
 * @param lastEntry the number of the last entry replayed (0 when none was)
 */
public record BankResult(HashAlgorithm bank, byte[] tpmValue, byte[] replayValue, ExtendMode matchedMode,
        long matchedAtEntry, long lastEntry) {

    public boolean matched() {
        return matchedMode != null;
    }

    /** One line for reports: which bank matched how, or where it stands when it did not. */
    public String describe() {
        if (!matched()) {
            return "PCR 10 " + bank + ": no prefix of the list up to entry " + lastEntry + " reproduces the TPM value "
                    + Hex.encode(tpmValue) + " (replay gives " + Hex.encode(replayValue) + ")";
        }
        String where = matchedAtEntry == lastEntry ? "after the last entry (" + lastEntry + ")"
                : "after entry " + matchedAtEntry + " (the list is " + (lastEntry - matchedAtEntry)
                        + " entries ahead of the TPM read)";
        return "PCR 10 " + bank + ": matches " + where + ", " + matchedMode.description();
    }
}
