package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PCR values as the TPM reports them, per bank: PCR 10 for the replay, and PCR 0-9 when available for
 * checking {@code boot_aggregate}.
 *
 * @param source where the values were read, for messages
 * @param pcr10 the value of PCR 10 in each bank that was available
 * @param bootPcrs PCR 0, 1, ... in order, per bank, as far as they were all available (at most 0-9)
 */
public record PcrValues(String source, Map<HashAlgorithm, byte[]> pcr10, Map<HashAlgorithm, List<byte[]>> bootPcrs) {

    public PcrValues {
        pcr10 = Collections.unmodifiableMap(new LinkedHashMap<>(pcr10));
        bootPcrs = Map.copyOf(bootPcrs);
    }

    /** Only PCR 10. */
    public PcrValues(String source, Map<HashAlgorithm, byte[]> pcr10) {
        this(source, pcr10, Map.of());
    }

    /** No TPM values: replay runs, but nothing can be compared. */
    public static PcrValues none() {
        return new PcrValues("no TPM", Map.of());
    }

    public boolean isEmpty() {
        return pcr10.isEmpty();
    }

    /**
     * The hash of PCR 0 up to PCR {@code last} of the bank, as the kernel computes {@code boot_aggregate}
     * (research §5: 0-7 for SHA-1, 0-9 for other banks since kernel 5.8), or empty when those PCRs are not known.
     */
    public Optional<byte[]> bootAggregate(HashAlgorithm bank, int last) {
        List<byte[]> pcrs = bootPcrs.get(bank);
        if (pcrs == null || pcrs.size() <= last || !bank.computable()) {
            return Optional.empty();
        }
        MessageDigest digest = Digests.newDigest(bank);
        for (int i = 0; i <= last; i++) {
            digest.update(pcrs.get(i));
        }
        return Optional.of(digest.digest());
    }

    /** These values with the banks of {@code other} added (other wins on overlap). */
    public PcrValues merge(PcrValues other) {
        Map<HashAlgorithm, byte[]> ten = new LinkedHashMap<>(pcr10);
        ten.putAll(other.pcr10);
        Map<HashAlgorithm, List<byte[]>> boot = new LinkedHashMap<>(bootPcrs);
        boot.putAll(other.bootPcrs);
        return new PcrValues(isEmpty() ? other.source : source + ", " + other.source, ten, boot);
    }
}
