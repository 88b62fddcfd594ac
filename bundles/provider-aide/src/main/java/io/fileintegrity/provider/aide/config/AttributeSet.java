package io.fileintegrity.provider.aide.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.StringJoiner;

/**
 * An immutable set of {@link Attribute}s, stored as AIDE's 64-bit attribute mask.
 *
 * <p>Iteration is in AIDE order (ascending bit number), which is also the order of the database's
 * {@code @@db_spec} columns. Values are comparable with {@code equals}; instances are thread-safe.
 */
public final class AttributeSet implements Iterable<Attribute> {

    private static final Attribute[] ALL = Attribute.values();
    private static final long KNOWN_BITS = ALL.length == 64 ? -1L : (1L << ALL.length) - 1;

    /** The empty set (AIDE's group {@code E}). */
    public static final AttributeSet EMPTY = new AttributeSet(0L);

    /** The FIPS-approved hash attributes: sha256, sha512 and the SHA-3/SHA-512/256 extension names. */
    public static final AttributeSet FIPS_APPROVED_HASHES = of(
            Attribute.SHA256, Attribute.SHA512, Attribute.SHA512_256, Attribute.SHA3_256, Attribute.SHA3_512);

    /** Every hash attribute, approved or not. */
    public static final AttributeSet ALL_HASHES = allMatching(true);

    private final long bits;

    private AttributeSet(long bits) {
        this.bits = bits;
    }

    /** A set of the given attributes. */
    public static AttributeSet of(Attribute... attributes) {
        long bits = 0L;
        for (Attribute a : attributes) {
            bits |= a.mask();
        }
        return new AttributeSet(bits);
    }

    /**
     * The set for an AIDE attribute mask, e.g. a database {@code attr} field.
     *
     * @throws IllegalArgumentException if a bit is set that no {@link Attribute} has
     */
    public static AttributeSet fromBits(long bits) {
        if ((bits & ~KNOWN_BITS) != 0) {
            throw new IllegalArgumentException("unknown attribute bits in mask " + Long.toUnsignedString(bits));
        }
        return bits == 0 ? EMPTY : new AttributeSet(bits);
    }

    /** The AIDE attribute mask of this set. */
    public long bits() {
        return bits;
    }

    public boolean contains(Attribute attribute) {
        return (bits & attribute.mask()) != 0;
    }

    /** True if every attribute of {@code other} is in this set. */
    public boolean containsAll(AttributeSet other) {
        return (other.bits & ~bits) == 0;
    }

    /** True if the two sets share at least one attribute. */
    public boolean intersects(AttributeSet other) {
        return (bits & other.bits) != 0;
    }

    public AttributeSet union(AttributeSet other) {
        return new AttributeSet(bits | other.bits);
    }

    public AttributeSet plus(Attribute attribute) {
        return new AttributeSet(bits | attribute.mask());
    }

    public AttributeSet minus(AttributeSet other) {
        return new AttributeSet(bits & ~other.bits);
    }

    public AttributeSet minus(Attribute attribute) {
        return new AttributeSet(bits & ~attribute.mask());
    }

    public AttributeSet intersect(AttributeSet other) {
        return new AttributeSet(bits & other.bits);
    }

    /** The hash attributes of this set. */
    public AttributeSet hashes() {
        return intersect(ALL_HASHES);
    }

    /** The hash attributes of this set that are not FIPS-approved. */
    public AttributeSet nonApprovedHashes() {
        return hashes().minus(FIPS_APPROVED_HASHES);
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public int size() {
        return Long.bitCount(bits);
    }

    /** The attributes in AIDE order, as a new list. */
    public List<Attribute> toList() {
        List<Attribute> list = new ArrayList<>(size());
        forEach(list::add);
        return list;
    }

    @Override
    public Iterator<Attribute> iterator() {
        return new Iterator<>() {
            private long remaining = bits;

            @Override
            public boolean hasNext() {
                return remaining != 0;
            }

            @Override
            public Attribute next() {
                if (remaining == 0) {
                    throw new NoSuchElementException();
                }
                int bit = Long.numberOfTrailingZeros(remaining);
                remaining &= remaining - 1;
                return ALL[bit];
            }
        };
    }

    /** aide.conf form, e.g. {@code p+u+g+sha256}; internal attributes are shown by enum name; empty is {@code E}. */
    public String toConfigExpression() {
        if (bits == 0) {
            return "E";
        }
        StringJoiner joiner = new StringJoiner("+");
        for (Attribute a : this) {
            joiner.add(a.configName() != null ? a.configName() : a.name());
        }
        return joiner.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeSet other && other.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    @Override
    public String toString() {
        return toConfigExpression();
    }

    private static AttributeSet allMatching(boolean hash) {
        long bits = 0L;
        for (Attribute a : ALL) {
            if (a.isHash() == hash) {
                bits |= a.mask();
            }
        }
        return new AttributeSet(bits);
    }
}
