package io.fileintegrity.provider.aide.config;

import java.util.Optional;

/** {@code report_format} values. */
public enum ReportFormat {
    PLAIN, JSON;

    static Optional<ReportFormat> fromConfigName(String name) {
        return switch (name) {
            case "plain" -> Optional.of(PLAIN);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
