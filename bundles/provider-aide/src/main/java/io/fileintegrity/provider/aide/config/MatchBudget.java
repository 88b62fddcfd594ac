package io.fileintegrity.provider.aide.config;

/**
 * A path as a {@link CharSequence} that allows only so many character reads, so a pathological rule
 * regex (e.g. {@code /(a+)+$}) cannot stall a scan. PCRE2 has the same kind of limit (its match limit);
 * AIDE then treats the rule as not matching, and so do we.
 */
final class MatchBudget implements CharSequence {

    /** Thrown when the budget is spent. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("regex match budget exhausted", null, false, false);
        }
    }

    /** About what PCRE2's default match limit (10 million) allows. */
    static final long DEFAULT_READS = 10_000_000L;

    private final String text;
    private long remaining;

    MatchBudget(String text, long reads) {
        this.text = text;
        this.remaining = reads;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
