package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.ImaEntry;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Hashes of the current entry's template data, computed at most once per algorithm and entry, so
 * that the template-hash check and the PCR banks share them. Not thread-safe.
 */
public final class EntryDigester {

    private final Map<HashAlgorithm, MessageDigest> digests = new HashMap<>();
    private final Map<HashAlgorithm, byte[]> current = new HashMap<>();
    private ImaEntry entry;

    /** Makes {@code next} the current entry. */
    public void reset(ImaEntry next) {
        this.entry = next;
        current.clear();
    }

    /** The algorithm's hash of the current entry's template data. */
    public byte[] hash(HashAlgorithm algorithm) {
        return current.computeIfAbsent(algorithm,
                a -> digests.computeIfAbsent(a, Digests::newDigest).digest(entry.hashedData()));
    }
}
