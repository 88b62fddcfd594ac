package io.fileintegrity.provider.ima.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reference policy in Keylime's terms (research/ima.md §10), from a runtime policy JSON or a legacy
 * allowlist. Digests are bare lower-case hex; the algorithm is not compared, as in Keylime.
 *
 * @param digests acceptable file digests per path (and {@code boot_aggregate})
 * @param excludes the exclude regexes combined as {@code (r1)|(r2)...}, matched at the start of the
 *     path ({@code re.match}); empty when there are none
 * @param keyrings acceptable digests of keys measured onto each keyring
 * @param imaBuf acceptable digests of other {@code ima-buf} measurements, by event name
 * @param ignoredKeyrings keyrings whose keys are not checked or learned; {@code *} means all
 * @param logHashAlgorithm the algorithm of the template-hash column ({@code ima.log_hash_alg})
 * @param verificationKeys public keys (DER SubjectPublicKeyInfo) for {@code ima-sig} signatures
 */
public record RuntimePolicy(
        Map<String, Set<String>> digests,
        Optional<Pattern> excludes,
        Map<String, Set<String>> keyrings,
        Map<String, Set<String>> imaBuf,
        Set<String> ignoredKeyrings,
        String logHashAlgorithm,
        List<byte[]> verificationKeys) {

    public RuntimePolicy {
        digests = Map.copyOf(digests);
        keyrings = Map.copyOf(keyrings);
        imaBuf = Map.copyOf(imaBuf);
        ignoredKeyrings = Set.copyOf(ignoredKeyrings);
        verificationKeys = List.copyOf(verificationKeys);
    }

    /** Whether the path matches an exclude regex. */
    public boolean excluded(String path) {
        return excludes.isPresent() && excludes.get().matcher(path).lookingAt();
    }

    /** Whether keys on this keyring are neither checked nor learned. */
    public boolean ignoresKeyring(String keyring) {
        return ignoredKeyrings.contains("*") || ignoredKeyrings.contains(keyring);
    }
}
