package io.fileintegrity.provider.aide.config;

/**
 * {@code num_workers}: a count, or a percentage of the online CPUs (rounded up).
 *
 * @param value the number as written
 * @param percent true for the {@code N%} form
 */
public record NumWorkers(int value, boolean percent) {

    /** The number of workers on a machine with {@code onlineCpus} CPUs. */
    public int resolve(int onlineCpus) {
        return percent ? (int) Math.ceil(onlineCpus * value / 100.0) : value;
    }

    /** Parses {@code N} or {@code N%} (0..100 for percentages); null if invalid. */
    static NumWorkers parse(String text) {
        boolean pct = text.endsWith("%");
        String digits = pct ? text.substring(0, text.length() - 1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return null;
        }
        int n = Integer.parseInt(digits);
        return pct && n > 100 ? null : new NumWorkers(n, pct);
    }
}
