package io.fileintegrity.provider.aide.config;

/**
 * How the rules decide one entry.
 *
 * @param result the decision
 * @param rule the selective or equals rule that selected the entry, the negative rule that dropped it,
 *        or null
 * @param attributes attributes to record for a selected entry, otherwise empty
 * @param descend for a directory: whether AIDE would read its entries
 */
public record Match(Result result, Rule rule, AttributeSet attributes, boolean descend) {

    /** AIDE's match results ({@code match_result} in {@code gen_list.h}). */
    public enum Result {
        /** Added by a selective rule. */
        SELECTIVE,
        /** Added by an equals rule. */
        EQUAL,
        /** Not added, but a rule could match something below it (or a restricted negative rule hit it). */
        PARTIAL,
        /** Not added. */
        NONE,
        /** Outside the {@code --limit} regex, but something below it could be inside. */
        PARTIAL_LIMIT,
        /** Outside the {@code --limit} regex. */
        OUTSIDE_LIMIT
    }

    /** True if the entry goes into the database. */
    public boolean selected() {
        return result == Result.SELECTIVE || result == Result.EQUAL;
    }

    /** AIDE's {@code --path-check} exit code: 0 selected, 1 not selected, 2 outside the limit. */
    public int pathCheckExitCode() {
        return switch (result) {
            case SELECTIVE, EQUAL -> 0;
            case PARTIAL, NONE -> 1;
            case PARTIAL_LIMIT, OUTSIDE_LIMIT -> 2;
        };
    }

    /**
     * The line AIDE 0.18 prints for {@code --path-check} and {@code --dry-init}, e.g.
     * {@code [X] f '/etc/passwd': selective rule: '/etc (none) p+u+g' (aide.conf:3: '/etc p+u+g')}.
     */
    public String describe(String path, FileType type, String limit) {
        String head = (selected() ? "[X] " : "[ ] ") + type.letter() + " '" + path + "': ";
        return switch (result) {
            case SELECTIVE -> head + "selective rule: '" + rule.regex() + " " + ruleTail(rule, true);
            case EQUAL -> head + "equal rule: '=" + rule.regex() + " " + ruleTail(rule, true);
            case PARTIAL, NONE -> rule == null ? head + "no matching rule"
                    : head + "negative rule: '!" + rule.regex() + " " + ruleTail(rule, false);
            case PARTIAL_LIMIT, OUTSIDE_LIMIT -> head + "outside of limit '" + limit + "'";
        };
    }

    private static String ruleTail(Rule r, boolean withAttributes) {
        String attrs = r.attributes().isEmpty() ? "" : r.attributes().toConfigExpression();
        String prefix = r.prefix() == null ? "" : "', prefix: '" + r.prefix();
        return r.restrictionText() + (withAttributes ? " " + attrs : "") + "' (" + r.source() + ":" + r.line() + ": '"
                + r.lineText() + prefix + "')";
    }
}
