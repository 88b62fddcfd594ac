package io.fileintegrity.provider.aide.compare;

/** What to do with a baseline entry, from the current rules and {@code --limit}. */
@FunctionalInterface
public interface BaselineFilter {
    /** Compare everything (no rule re-check). */
    BaselineFilter ALL = (name, mode) -> Verdict.COMPARE;

    Verdict verdict(String name, int mode);

    enum Verdict {
        /** The entry still matches a rule: compare it with the disk. */
        COMPARE,
        /** No rule matches it any more: AIDE 0.18 drops it silently (one warning per run). */
        NO_RULE,
        /** Outside {@code --limit}: neither compared nor reported, but kept by {@code --update}. */
        OUTSIDE_LIMIT
    }
}
