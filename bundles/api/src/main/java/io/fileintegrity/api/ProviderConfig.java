package io.fileintegrity.api;

import java.util.Objects;

/**
 * A provider's configuration text and where it came from.
 *
 * @param source the name used in messages: a file path, or {@code namespace/configmap:key}
 * @param text the configuration itself (aide.conf, a policy, ...); may be empty, never null
 */
public record ProviderConfig(String source, String text) {

    public ProviderConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
