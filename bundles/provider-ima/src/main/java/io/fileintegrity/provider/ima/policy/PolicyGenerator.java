package io.fileintegrity.provider.ima.policy;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.log.MeasurementListException;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a starting runtime policy (Keylime format, meta version 1) from a trusted node's list: every
 * measured file's digest, keys measured onto keyrings under {@code keyrings}, other buffers under
 * {@code ima-buf}. Violations are left out. Members are sorted, so policies diff well.
 */
public final class PolicyGenerator {

    private final Map<String, Set<String>> digests = new TreeMap<>();
    private final Map<String, Set<String>> keyrings = new TreeMap<>();
    private final Map<String, Set<String>> imaBuf = new TreeMap<>();
    private String logHashAlgorithm = "sha1";
    private long entries;

    /** Adds every entry of the list. */
    public PolicyGenerator add(MeasurementReader reader) throws MeasurementListException, IOException {
        for (ImaEntry entry = reader.next(); entry != null; entry = reader.next()) {
            entries++;
            logHashAlgorithm = HashAlgorithm.forTemplateHashSize(entry.templateHash().length)
                    .map(HashAlgorithm::kernelName).orElse("sha1");
            if (entry.isViolation()) {
                continue;
            }
            Map<String, Set<String>> target = !entry.templateName().equals("ima-buf") ? digests
                    : entry.name().startsWith(".") ? keyrings : imaBuf;
            target.computeIfAbsent(entry.name(), k -> new TreeSet<>()).add(entry.fileDigestHex());
        }
        return this;
    }

    /** Entries read so far. */
    public long entries() {
        return entries;
    }

    /** The policy as JSON text. */
    public String toJson(Instant timestamp) {
        Map<String, Object> policy = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", 1);
        meta.put("generator", 0);
        meta.put("timestamp", timestamp.toString());
        policy.put("meta", meta);
        policy.put("release", 0);
        policy.put("digests", digests);
        policy.put("excludes", List.of());
        policy.put("keyrings", keyrings);
        Map<String, Object> ima = new LinkedHashMap<>();
        ima.put("ignored_keyrings", new ArrayList<>());
        ima.put("log_hash_alg", logHashAlgorithm);
        ima.put("dm_policy", null);
        policy.put("ima", ima);
        policy.put("ima-buf", imaBuf);
        policy.put("verification-keys", "");
        return JsonWriter.write(policy);
    }
}
