package io.fileintegrity.provider.aide.config;

/**
 * The {@code report_*} options in force when a {@code report_url} line was read: AIDE snapshots them per URL,
 * so they must be set before the URL they are meant for.
 *
 * @param ignoreE2fsattrs chattr letters from {@code report_ignore_e2fsattrs} (invalid letters dropped), or "" for none
 */
public record ReportSettings(ReportLevel level, ReportFormat format, boolean detailedInit, boolean base16,
        boolean quiet, boolean append, boolean summarizeChanges, boolean grouped, AttributeSet ignoreAddedAttrs,
        AttributeSet ignoreRemovedAttrs, AttributeSet ignoreChangedAttrs, AttributeSet forceAttrs,
        String ignoreE2fsattrs) {

    /** AIDE 0.18's defaults. */
    public static final ReportSettings DEFAULTS = new ReportSettings(ReportLevel.CHANGED_ATTRIBUTES,
            ReportFormat.PLAIN, false, false, false, false, true, true, AttributeSet.EMPTY, AttributeSet.EMPTY,
            AttributeSet.EMPTY, AttributeSet.EMPTY, "");
}
