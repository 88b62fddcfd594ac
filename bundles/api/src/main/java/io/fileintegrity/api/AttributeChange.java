package io.fileintegrity.api;

import java.util.Objects;

/**
 * One attribute of a file that differs, with both values as the provider prints them.
 *
 * @param attribute the provider's attribute name, e.g. {@code sha512}, {@code Perm}, {@code ima-digest}
 * @param oldValue the expected (baseline) value; empty when there was none
 * @param newValue the value found; empty when there is none
 */
public record AttributeChange(String attribute, String oldValue, String newValue) {

    public AttributeChange {
        Objects.requireNonNull(attribute, "attribute");
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
    }
}
