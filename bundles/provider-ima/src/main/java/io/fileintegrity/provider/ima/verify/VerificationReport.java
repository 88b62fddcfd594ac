package io.fileintegrity.provider.ima.verify;

import io.fileintegrity.provider.ima.pcr.BankResult;
import java.util.List;
import java.util.Map;

/**
 * What one pass over a measurement list found.
 *
 * @param source the list
 * @param firstEntry number of the first entry checked in this pass (1 unless incremental)
 * @param lastEntry number of the last entry read (the list's length)
 * @param position bytes read up to the end of the last entry
 * @param violations violation entries among those checked
 * @param counts findings per reason (all of them)
 * @param findings the first findings, at most the verifier's limit
 * @param banks PCR 10 per bank the TPM reported; empty without a TPM
 * @param runningValues the replayed PCR 10 values after the last entry, for the checkpoint
 * @param templates entries checked per template
 * @param policyApplied whether entries were judged against a policy
 * @param bootAggregate {@code algo:hex} of the boot_aggregate entry when this pass read it, else empty
 * @param bootAggregateCheck how it compares with the TPM's boot PCRs; empty when not read
 */
public record VerificationReport(
        String source,
        long firstEntry,
        long lastEntry,
        long position,
        long violations,
        Map<Reason, Long> counts,
        List<Finding> findings,
        List<BankResult> banks,
        Map<String, byte[]> runningValues,
        Map<String, Long> templates,
        boolean policyApplied,
        String bootAggregate,
        String bootAggregateCheck) {

    public VerificationReport {
        counts = Map.copyOf(counts);
        findings = List.copyOf(findings);
        banks = List.copyOf(banks);
        runningValues = Map.copyOf(runningValues);
        templates = Map.copyOf(templates);
    }

    /** Entries checked in this pass. */
    public long entriesChecked() {
        return lastEntry - firstEntry + 1;
    }

    /** All findings, counted. */
    public long findingCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(Reason reason) {
        return counts.getOrDefault(reason, 0L);
    }

    public boolean clean() {
        return findingCount() == 0;
    }
}
