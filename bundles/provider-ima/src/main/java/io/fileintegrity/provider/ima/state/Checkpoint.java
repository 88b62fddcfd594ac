package io.fileintegrity.provider.ima.state;

import io.fileintegrity.provider.ima.verify.Finding;
import java.util.List;
import java.util.Map;

/**
 * How far a node's list was checked, so that the next check reads only new entries (as Keylime's
 * verifier does) and notices a list that was reset or rewritten.
 *
 * @param bootId the kernel's boot id when the list was read; empty when unknown
 * @param listPath the list, relative to the host root
 * @param entries entries checked
 * @param position bytes of the list those entries take
 * @param prefixSha256 SHA-256 of those bytes (hex)
 * @param policySha256 SHA-256 of the policy text they were judged against (hex)
 * @param runningValues the replayed PCR 10 values after them, keyed as {@code sha1/BANK_HASH}
 * @param findingCount findings carried forward (all of them)
 * @param findings the first carried findings (at most {@link CheckpointStore#KEPT_FINDINGS})
 */
public record Checkpoint(
        String bootId,
        String listPath,
        long entries,
        long position,
        String prefixSha256,
        String policySha256,
        Map<String, byte[]> runningValues,
        long findingCount,
        List<Finding> findings) {

    public Checkpoint {
        runningValues = Map.copyOf(runningValues);
        findings = List.copyOf(findings);
    }
}
