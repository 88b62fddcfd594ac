package io.fileintegrity.provider.ostree.gvariant;

import java.util.Objects;

/**
 * The content of a {@code v}: a decoded value and its type.
 *
 * <p>Values decode to Java types as follows: {@code y}, {@code q} to Integer (unsigned), {@code b} to
 * Boolean, {@code n} to Short, {@code i}, {@code h} to Integer, {@code u} to Long (unsigned),
 * {@code x}, {@code t} to Long (raw bits), {@code d} to Double, {@code s o g} to String, {@code ay} to
 * byte[], other arrays and tuples to List, maybes to Optional, variants to this record.
 */
public record GVariantValue(GVariantType type, Object value) {

    public GVariantValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
