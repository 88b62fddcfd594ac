package io.fileintegrity.provider.aide.database;

import java.util.Arrays;
import java.util.Objects;

/**
 * One extended attribute.
 *
 * @param key the name as a byte string, e.g. {@code user.origin}
 * @param value the raw value
 */
public record Xattr(String key, byte[] value) {
    public Xattr {
        Objects.requireNonNull(key, "key");
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xattr x && key.equals(x.key) && Arrays.equals(value, x.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "(" + value.length + " bytes)";
    }
}
