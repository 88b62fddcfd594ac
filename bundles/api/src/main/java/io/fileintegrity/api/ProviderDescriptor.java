package io.fileintegrity.api;

import java.util.Objects;

/**
 * What a provider says about itself.
 *
 * @param name the name users select it by; equals the service's {@value IntegrityProvider#NAME_PROPERTY}
 * @param maturity stable or experimental
 * @param summary one line for listings and the web console
 * @param keepsBaseline whether {@link IntegrityProvider#initialize} writes a baseline that
 *     {@link IntegrityProvider#check} needs; false for providers that verify against a source of truth
 * @param configMediaType media type of the configuration text, e.g. {@code text/x-aide-conf}
 */
public record ProviderDescriptor(
        String name, Maturity maturity, String summary, boolean keepsBaseline, String configMediaType) {

    public ProviderDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maturity, "maturity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(configMediaType, "configMediaType");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "provider name must be lower case letters, digits and dashes: '" + name + "'");
        }
    }
}
