package io.fileintegrity.api.report;

/** The formats a result can be rendered in. */
public enum ReportFormat {
    /** AIDE's plain report; an AIDE provider's native report passes through untouched. */
    AIDE,
    /** One JSON document per scan with stable field names. */
    JSON,
    /** One JSON line per changed file plus a summary line, for SIEM pipelines. */
    NDJSON
}
