package io.fileintegrity.provider.ostree.gvariant;

import java.util.ArrayList;
import java.util.List;

/**
 * A GVariant type: a basic type, an array, a maybe, a tuple, a dict entry or a variant. Knows its
 * alignment and, for fixed-size types, its size (GVariant specification, "Serialisation").
 */
public sealed interface GVariantType {

    /** Deepest nesting accepted when parsing a type string (GLib's own limit is 128). */
    int MAX_DEPTH = 64;

    /** Alignment in bytes: 1, 2, 4 or 8. */
    int alignment();

    /** Size in bytes of every value of this type, or -1 when values vary in size. */
    int fixedSize();

    /** The type string, e.g. {@code (uuua(ayay))}. */
    String signature();

    default boolean isFixedSize() {
        return fixedSize() >= 0;
    }

    /** Parses one complete type string. */
    static GVariantType parse(String signature) throws GVariantFormatException {
        GVariantTypeParser parser = new GVariantTypeParser(signature);
        GVariantType type = parser.next(0);
        if (!parser.atEnd()) {
            throw new GVariantFormatException("type string '" + signature + "' has trailing characters");
        }
        return type;
    }

    /** A basic type: one of {@code ybnqiuxthdsog}. */
    record Basic(char code) implements GVariantType {
        @Override
        public int alignment() {
            return switch (code) {
                case 'n', 'q' -> 2;
                case 'i', 'u', 'h' -> 4;
                case 'x', 't', 'd' -> 8;
                default -> 1;
            };
        }

        @Override
        public int fixedSize() {
            return switch (code) {
                case 's', 'o', 'g' -> -1;
                default -> alignment();
            };
        }

        @Override
        public String signature() {
            return String.valueOf(code);
        }
    }

    /** {@code aT}. */
    record ArrayOf(GVariantType element) implements GVariantType {
        @Override
        public int alignment() {
            return element.alignment();
        }

        @Override
        public int fixedSize() {
            return -1;
        }

        @Override
        public String signature() {
            return "a" + element.signature();
        }
    }

    /** {@code mT}. */
    record MaybeOf(GVariantType element) implements GVariantType {
        @Override
        public int alignment() {
            return element.alignment();
        }

        @Override
        public int fixedSize() {
            return -1;
        }

        @Override
        public String signature() {
            return "m" + element.signature();
        }
    }

    /** {@code (T...)} or, when {@code dictEntry}, {@code {KV}}. */
    record TupleOf(List<GVariantType> members, boolean dictEntry) implements GVariantType {
        public TupleOf {
            members = List.copyOf(members);
        }

        @Override
        public int alignment() {
            int alignment = 1;
            for (GVariantType member : members) {
                alignment = Math.max(alignment, member.alignment());
            }
            return alignment;
        }

        @Override
        public int fixedSize() {
            int size = 0;
            for (GVariantType member : members) {
                if (!member.isFixedSize()) {
                    return -1;
                }
                size = GVariantLayout.align(size, member.alignment()) + member.fixedSize();
            }
            return size == 0 ? 1 : GVariantLayout.align(size, alignment());
        }

        @Override
        public String signature() {
            StringBuilder text = new StringBuilder(dictEntry ? "{" : "(");
            members.forEach(member -> text.append(member.signature()));
            return text.append(dictEntry ? '}' : ')').toString();
        }
    }

    /** {@code v}: a value that carries its own type. */
    record Variant() implements GVariantType {
        @Override
        public int alignment() {
            return 8;
        }

        @Override
        public int fixedSize() {
            return -1;
        }

        @Override
        public String signature() {
            return "v";
        }
    }

    /** Convenience for building tuple types in code. */
    static TupleOf tuple(GVariantType... members) {
        return new TupleOf(new ArrayList<>(List.of(members)), false);
    }
}
