package io.fileintegrity.provider.aide.config;

/** One report destination with the report options captured at its line. */
public record ReportUrl(AideUrl url, ReportSettings settings) {
}
