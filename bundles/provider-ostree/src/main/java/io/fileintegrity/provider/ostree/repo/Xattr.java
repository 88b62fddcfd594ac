package io.fileintegrity.provider.ostree.repo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One extended attribute. In OSTree's GVariants the name is a bytestring with its trailing NUL and the
 * value is raw bytes; lists are sorted by name bytes (research/ostree.md §2).
 */
public record Xattr(String name, byte[] value) {

    /** Orders by the name's UTF-8 bytes, unsigned, as {@code strcmp} does. */
    public static final Comparator<Xattr> BY_NAME = (a, b) -> Arrays.compareUnsigned(
            a.name.getBytes(StandardCharsets.UTF_8), b.name.getBytes(StandardCharsets.UTF_8));

    public Xattr {
        Objects.requireNonNull(name, "name");
        value = value.clone();
    }

    /** The sorted copy of a list of attributes. */
    public static List<Xattr> sorted(List<Xattr> xattrs) {
        return xattrs.stream().sorted(BY_NAME).toList();
    }

    /** The GVariant {@code (ayay)} form: name with NUL, value. */
    public List<Object> toVariant() {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return List.of(Arrays.copyOf(utf8, utf8.length + 1), value.clone());
    }

    /** Reads the GVariant {@code (ayay)} form. */
    static Xattr fromVariant(List<?> pair) throws CorruptObjectException {
        byte[] name = (byte[]) pair.get(0);
        if (name.length < 2 || name[name.length - 1] != 0) {
            throw new CorruptObjectException("xattr name is not a NUL-terminated bytestring");
        }
        return new Xattr(new String(name, 0, name.length - 1, StandardCharsets.UTF_8), (byte[]) pair.get(1));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Xattr x && name.equals(x.name) && Arrays.equals(value, x.value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    /** {@code name=hex} (printable values as text in quotes). */
    @Override
    public String toString() {
        boolean printable = value.length > 0;
        for (byte b : value) {
            printable &= b >= 0x20 && b < 0x7f;
        }
        return name + "=" + (printable ? "\"" + new String(value, StandardCharsets.US_ASCII) + "\""
                : HexFormat.of().formatHex(value));
    }
}
