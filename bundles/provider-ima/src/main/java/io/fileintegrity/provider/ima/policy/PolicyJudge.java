package io.fileintegrity.provider.ima.policy;

import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.policy.Verdict.Judgement;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import io.fileintegrity.provider.ima.signature.SignatureVerifier;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges entries against a {@link RuntimePolicy} the way Keylime's verifier does (research/ima.md
 * §11): {@code ima}/{@code ima-ng} by digest, {@code ima-sig} by signature then digest, {@code ima-buf}
 * keys by keyring digests (learning good keys for later signatures) and other buffers by
 * {@code ima-buf} digests. Keeps the learned keys, so one judge serves one pass over one list.
 */
public final class PolicyJudge {

    private final RuntimePolicy policy;
    private final SignatureKeys keys;

    /**
     * @param policy the policy
     * @param keys trusted keys (the policy's verification keys are added); keys learned from the list
     *     are added as they appear
     */
    public PolicyJudge(RuntimePolicy policy, SignatureKeys keys) throws GeneralSecurityException {
        this.policy = policy;
        this.keys = keys;
        for (byte[] key : policy.verificationKeys()) {
            keys.addSubjectPublicKeyInfo(key);
        }
    }

    /** The verdict on one entry that is not a violation. */
    public Verdict judge(ImaEntry entry) {
        return switch (entry.templateName()) {
            case "ima-buf" -> buffer(entry);
            default -> entry.signature().length > 0 ? signed(entry) : byDigest(entry);
        };
    }

    private Verdict byDigest(ImaEntry entry) {
        if (policy.excluded(entry.name())) {
            return Verdict.of(Judgement.EXCLUDED);
        }
        return lookup(policy.digests().get(entry.name()), entry.fileDigestHex());
    }

    private static Verdict lookup(Set<String> accepted, String digest) {
        if (accepted == null) {
            return Verdict.of(Judgement.NOT_IN_POLICY);
        }
        return accepted.contains(digest) ? Verdict.of(Judgement.ALLOWED)
                : new Verdict(Judgement.DIGEST_MISMATCH, List.copyOf(accepted), "");
    }

    private Verdict signed(ImaEntry entry) {
        Optional<String> problem = Optional.of("no trusted keys");
        if (!keys.isEmpty() && !policy.excluded(entry.name())) {
            problem = SignatureVerifier.verify(entry.signature(), entry.digestAlgorithm(), entry.fileDigest(), keys);
            if (problem.isEmpty()) {
                return Verdict.of(Judgement.SIGNED);
            }
        }
        Verdict byDigest = byDigest(entry);
        if (byDigest.judgement() == Judgement.NOT_IN_POLICY && !keys.isEmpty()) {
            return new Verdict(Judgement.INVALID_SIGNATURE, List.of(), problem.get());
        }
        return byDigest;
    }

    private Verdict buffer(ImaEntry entry) {
        String name = entry.name();
        boolean keyring = name.startsWith(".") || policy.keyrings().containsKey(name);
        if (!keyring) {
            return lookup(policy.imaBuf().get(name), entry.fileDigestHex());
        }
        if (policy.ignoresKeyring(name)) {
            return Verdict.of(Judgement.IGNORED_KEYRING);
        }
        Verdict verdict = lookup(policy.keyrings().get(name), entry.fileDigestHex());
        if (verdict.judgement().accepted()) {
            try {
                keys.addCertificate(entry.buffer());
            } catch (GeneralSecurityException | RuntimeException e) {
                return new Verdict(Judgement.INVALID_KEY, List.of(), "not an X.509 certificate: " + e.getMessage());
            }
        }
        return verdict;
    }
}
