package io.fileintegrity.provider.aide.config;

/**
 * The option keywords of aide.conf 0.18 ({@code src/conf_lex.l}), with the kind of value each takes.
 * Deprecated spellings are separate constants that name their replacement.
 */
public enum ConfigOption {
    DATABASE_IN("database_in", Value.URL),
    DATABASE("database", Value.URL, "database_in"),
    DATABASE_OUT("database_out", Value.URL),
    DATABASE_NEW("database_new", Value.URL),
    DATABASE_ATTRS("database_attrs", Value.ATTRIBUTES),
    WARN_DEAD_SYMLINKS("warn_dead_symlinks", Value.BOOL),
    GROUPED("grouped", Value.BOOL, "report_grouped"),
    REPORT_GROUPED("report_grouped", Value.BOOL),
    SUMMARIZE_CHANGES("summarize_changes", Value.BOOL, "report_summarize_changes"),
    REPORT_SUMMARIZE_CHANGES("report_summarize_changes", Value.BOOL),
    ACL_NO_SYMLINK_FOLLOW("acl_no_symlink_follow", Value.BOOL),
    REPORT_FORMAT("report_format", Value.STRING),
    REPORT_LEVEL("report_level", Value.STRING),
    REPORT_IGNORE_ADDED_ATTRS("report_ignore_added_attrs", Value.ATTRIBUTES),
    REPORT_IGNORE_REMOVED_ATTRS("report_ignore_removed_attrs", Value.ATTRIBUTES),
    REPORT_IGNORE_CHANGED_ATTRS("report_ignore_changed_attrs", Value.ATTRIBUTES),
    REPORT_FORCE_ATTRS("report_force_attrs", Value.ATTRIBUTES),
    VERBOSE("verbose", Value.STRING),
    LOG_LEVEL("log_level", Value.STRING),
    DATABASE_ADD_METADATA("database_add_metadata", Value.BOOL),
    REPORT_URL("report_url", Value.URL),
    REPORT_DETAILED_INIT("report_detailed_init", Value.BOOL),
    REPORT_BASE16("report_base16", Value.BOOL),
    REPORT_QUIET("report_quiet", Value.BOOL),
    REPORT_APPEND("report_append", Value.BOOL),
    REPORT_IGNORE_E2FSATTRS("report_ignore_e2fsattrs", Value.STRING),
    GZIP_DBOUT("gzip_dbout", Value.BOOL),
    ROOT_PREFIX("root_prefix", Value.STRING),
    CONFIG_VERSION("config_version", Value.STRING),
    CONFIG_CHECK_WARN_UNRESTRICTED_RULES("config_check_warn_unrestricted_rules", Value.BOOL),
    NUM_WORKERS("num_workers", Value.STRING);

    /** What the lexer reads after {@code =}: an attribute expression or a string (typed later). */
    public enum Value { STRING, BOOL, URL, ATTRIBUTES }

    private final String keyword;
    private final Value value;
    private final String replacement;

    ConfigOption(String keyword, Value value) {
        this(keyword, value, null);
    }

    ConfigOption(String keyword, Value value, String replacement) {
        this.keyword = keyword;
        this.value = value;
        this.replacement = replacement;
    }

    public String keyword() {
        return keyword;
    }

    public Value value() {
        return value;
    }

    /** True if the value is an attribute expression rather than a string. */
    public boolean takesAttributes() {
        return value == Value.ATTRIBUTES;
    }

    /** The option to use instead of this deprecated spelling, or null. */
    public String replacement() {
        return replacement;
    }

    /** The same option under its current name (the alias resolved). */
    public ConfigOption canonical() {
        return replacement == null ? this : fromKeyword(replacement);
    }

    static ConfigOption fromKeyword(String keyword) {
        for (ConfigOption o : values()) {
            if (o.keyword.equals(keyword)) {
                return o;
            }
        }
        throw new IllegalArgumentException(keyword);
    }

    /** The longest option keyword that starts at {@code pos} in {@code line}, or null. */
    static String longestKeywordAt(String line, int pos) {
        String best = null;
        for (ConfigOption o : values()) {
            if (line.startsWith(o.keyword, pos) && (best == null || o.keyword.length() > best.length())) {
                best = o.keyword;
            }
        }
        return best;
    }
}
