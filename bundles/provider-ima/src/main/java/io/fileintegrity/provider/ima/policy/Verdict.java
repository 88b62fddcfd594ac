package io.fileintegrity.provider.ima.policy;

import java.util.List;

/**
 * What the policy says about one entry.
 *
 * @param judgement the verdict
 * @param expected the digests the policy accepts for the entry (for mismatches), else empty
 * @param detail why, in words (e.g. a signature problem); may be empty
 */
public record Verdict(Judgement judgement, List<String> expected, String detail) {

    /** Per-entry verdicts, named after Keylime's events where it has one. */
    public enum Judgement {
        /** The digest is in the policy. */
        ALLOWED(true),
        /** The path matches an exclude regex: accepted unchecked. */
        EXCLUDED(true),
        /** An {@code ima-sig} signature verified with a trusted key. */
        SIGNED(true),
        /** A key on a keyring the policy ignores. */
        IGNORED_KEYRING(true),
        /** Keylime {@code not_in_allowlist}: the policy has no entry for the name. */
        NOT_IN_POLICY(false),
        /** Keylime {@code runtime_policy_hash}: the policy lists other digests for the name. */
        DIGEST_MISMATCH(false),
        /** Keylime {@code invalid_signature}: a signature that no trusted key verifies, and no digest to fall back on. */
        INVALID_SIGNATURE(false),
        /** Keylime {@code invalid_key}: a keyring measurement that is not a key or certificate. */
        INVALID_KEY(false);

        private final boolean accepted;

        Judgement(boolean accepted) {
            this.accepted = accepted;
        }

        public boolean accepted() {
            return accepted;
        }
    }

    public Verdict {
        expected = List.copyOf(expected);
    }

    static Verdict of(Judgement judgement) {
        return new Verdict(judgement, List.of(), "");
    }
}
