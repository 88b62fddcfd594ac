package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import java.security.MessageDigest;
import java.util.Arrays;

/** The running value of PCR 10 in one bank under one extend mode. */
final class BankReplay {

    private final HashAlgorithm bank;
    private final ExtendMode mode;
    private final MessageDigest digest;
    private final byte[] expected;
    private final byte[] violationValue;
    private byte[] value;
    private long matchedAt = -1;

    /**
     * @param startEntry the entry {@code start} is the value after; a TPM value equal to it counts as a
     *     match only when that is a real entry (an all-zero PCR never vouches for a non-empty list)
     */
    BankReplay(HashAlgorithm bank, ExtendMode mode, byte[] start, long startEntry, byte[] expected) {
        this.bank = bank;
        this.mode = mode;
        this.digest = Digests.newDigest(bank);
        this.expected = expected;
        this.value = start.clone();
        // violations extend all-ones of the bank's size, in both modes: Debian 6.1's sha384/sha512 banks,
        // which get padded SHA-1 hashes, replay only this way (kernel captures in the tests)
        this.violationValue = new byte[bank.size()];
        Arrays.fill(violationValue, (byte) 0xff);
        if (startEntry > 0 && expected != null && Arrays.equals(expected, value)) {
            matchedAt = startEntry;
        }
    }

    /**
     * Extends the PCR with one entry.
     *
     * @param entryNumber the entry's number, remembered when the running value equals the TPM's
     * @param bankHash the bank's hash of the entry's template data (used in {@link ExtendMode#BANK_HASH})
     * @param templateHash the logged SHA-1 template hash (used in {@link ExtendMode#PADDED_SHA1})
     */
    void extend(long entryNumber, boolean violation, byte[] bankHash, byte[] templateHash) {
        digest.update(value);
        if (violation) {
            digest.update(violationValue);
        } else if (mode == ExtendMode.BANK_HASH) {
            digest.update(bankHash);
        } else {
            byte[] padded = Arrays.copyOf(templateHash, bank.size());
            digest.update(padded);
        }
        value = digest.digest();
        if (expected != null && Arrays.equals(expected, value)) {
            matchedAt = entryNumber;
        }
    }

    HashAlgorithm bank() {
        return bank;
    }

    ExtendMode mode() {
        return mode;
    }

    byte[] value() {
        return value.clone();
    }

    /** The entry after which the running value equalled the TPM's, -1 for none. */
    long matchedAt() {
        return matchedAt;
    }
}
