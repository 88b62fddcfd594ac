package io.fileintegrity.provider.ima.verify;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks the first entry, {@code boot_aggregate}, against the boot PCRs (research §5): the hash of
 * PCR 0-7 in SHA-1 (and for the legacy template), of PCR 0-9 in other banks (0-7 before kernel 5.8).
 *
 * @param status one line for the report: matched, not checked (and why), or mismatch
 * @param finding the mismatch, if any
 */
record BootAggregateCheck(String status, Optional<Finding> finding) {

    static BootAggregateCheck of(ImaEntry entry, PcrValues tpm) {
        Optional<HashAlgorithm> bank = entry.template().isLegacy() ? Optional.of(HashAlgorithm.SHA1)
                : HashAlgorithm.byKernelName(entry.digestAlgorithm()).filter(HashAlgorithm.PCR_BANKS::contains);
        if (bank.isEmpty()) {
            return new BootAggregateCheck("not checked (no PCR bank for " + entry.digestAlgorithm() + ")", Optional.empty());
        }
        int[] ranges = bank.get() == HashAlgorithm.SHA1 ? new int[] {7} : new int[] {9, 7};
        byte[] expected = null;
        for (int last : ranges) {
            Optional<byte[]> aggregate = tpm.bootAggregate(bank.get(), last);
            if (aggregate.isPresent() && Arrays.equals(aggregate.get(), entry.fileDigest())) {
                return new BootAggregateCheck("matches " + bank.get() + " PCR 0-" + last, Optional.empty());
            }
            expected = expected == null ? aggregate.orElse(null) : expected;
        }
        if (expected == null) {
            return new BootAggregateCheck("not checked (no " + bank.get() + " PCR 0-" + ranges[0] + ")", Optional.empty());
        }
        Finding mismatch = new Finding(entry.number(), entry.name(), Reason.BOOT_AGGREGATE, "boot_aggregate",
                Hex.encode(expected), Hex.encode(entry.fileDigest()), "hash of " + bank.get() + " PCR 0-" + ranges[0]);
        return new BootAggregateCheck("mismatch", Optional.of(mismatch));
    }
}
