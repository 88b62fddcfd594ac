package io.fileintegrity.provider.ostree.verify;

import java.util.Locale;
import java.util.Optional;

/** What to do with a deployment's {@code /etc}, which OSTree copies from {@code /usr/etc} and then merges local changes into. */
public enum EtcPolicy {
    /** Do not look at {@code /etc}. */
    IGNORE,
    /** Compare {@code /etc} with the commit's {@code /usr/etc} and list differences in the report only. */
    INFO,
    /** Compare and count differences as changes (reasons {@code etc-modified}, {@code etc-added}, {@code etc-removed}). */
    REPORT;

    /** The config word for this policy. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EtcPolicy> fromWord(String word) {
        for (EtcPolicy policy : values()) {
            if (policy.word().equals(word)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
