package io.fileintegrity.provider.ostree.config;

import io.fileintegrity.provider.ostree.verify.VerificationPolicy;
import java.util.Optional;

/**
 * The {@code ostree} provider's configuration.
 *
 * @param policy what to verify and how
 * @param sysroot the sysroot, relative to the host root ({@code /} by default)
 * @param explicit a repository, commit and tree given instead of a sysroot
 * @param rotate 1 to re-hash every file on every check; N to re-hash hard-linked files in rotation, 1/N per check
 */
public record OstreeConfig(VerificationPolicy policy, String sysroot, Optional<ExplicitTarget> explicit, int rotate) {

    /** Verification of {@code tree} against {@code commit} (checksum or ref) of {@code repository}; paths relative to the host root. */
    public record ExplicitTarget(String repository, String commit, String tree) {}

    /** The configuration an empty text gives. */
    public static final OstreeConfig DEFAULTS = new OstreeConfig(VerificationPolicy.DEFAULTS, "/", Optional.empty(), 1);
}
