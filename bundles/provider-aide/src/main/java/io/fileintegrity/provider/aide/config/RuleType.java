package io.fileintegrity.provider.aide.config;

/** The three kinds of selection line. */
public enum RuleType {
    /** {@code /regex ...}: the entry and, for directories, its subtree. */
    SELECTIVE(""),
    /** {@code =/regex ...}: only entries whose parent directory is the rule's node. */
    EQUALS("="),
    /** {@code !/regex}: excludes; always wins over the other two. */
    NEGATIVE("!");

    private final String prefix;

    RuleType(String prefix) {
        this.prefix = prefix;
    }

    /** The character written before the regex in aide.conf ({@code ""}, {@code "="} or {@code "!"}). */
    public String prefix() {
        return prefix;
    }
}
