package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PCR 10 as the TPM reports it, per bank.
 *
 * @param source where the values were read, for messages
 * @param pcr10 the value of PCR 10 in each bank that was available
 */
public record PcrValues(String source, Map<HashAlgorithm, byte[]> pcr10) {

    public PcrValues {
        pcr10 = Collections.unmodifiableMap(new LinkedHashMap<>(pcr10));
    }

    /** No TPM values: replay runs, but nothing can be compared. */
    public static PcrValues none() {
        return new PcrValues("no TPM", Map.of());
    }

    public boolean isEmpty() {
        return pcr10.isEmpty();
    }
}
