package io.fileintegrity.provider.ostree.gvariant;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serialises Java values (the mapping of {@link GVariantValue}) in GVariant normal form, the form
 * OSTree writes and hashes. Used to build file headers and to re-encode metadata objects.
 */
public final class GVariantEncoder {

    private GVariantEncoder() {}

    /** The normal-form bytes of {@code value} as a {@code type}. */
    public static byte[] encode(GVariantType type, Object value) {
        if (type instanceof GVariantType.Basic basic) {
            return basic.isFixedSize() ? fixed(basic.code(), value) : string((String) value);
        } else if (type instanceof GVariantType.ArrayOf array) {
            return array(array.element(), value);
        } else if (type instanceof GVariantType.MaybeOf maybe) {
            return maybe(maybe.element(), (Optional<?>) value);
        } else if (type instanceof GVariantType.TupleOf tuple) {
            return tuple(tuple, (List<?>) value);
        }
        GVariantValue variant = (GVariantValue) value;
        Buffer out = new Buffer();
        out.write(encode(variant.type(), variant.value()));
        out.write(0);
        out.write(variant.type().signature().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] fixed(char code, Object value) {
        ByteBuffer out = ByteBuffer.allocate(new GVariantType.Basic(code).fixedSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (code) {
            case 'y' -> out.put((byte) ((Number) value).intValue());
            case 'b' -> out.put((byte) (((Boolean) value) ? 1 : 0));
            case 'n', 'q' -> out.putShort((short) ((Number) value).intValue());
            case 'i', 'h', 'u' -> out.putInt((int) ((Number) value).longValue());
            case 'd' -> out.putDouble(((Number) value).doubleValue());
            default -> out.putLong(((Number) value).longValue());
        }
        return out.array();
    }

    private static byte[] string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    private static byte[] array(GVariantType element, Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        Buffer body = new Buffer();
        List<Integer> ends = new ArrayList<>();
        for (Object item : (List<?>) value) {
            body.pad(element.alignment());
            body.write(encode(element, item));
            ends.add(body.size());
        }
        if (element.isFixedSize()) {
            return body.toByteArray();
        }
        return framed(body, ends);
    }

    private static byte[] maybe(GVariantType element, Optional<?> value) {
        if (value.isEmpty()) {
            return new byte[0];
        }
        Buffer out = new Buffer();
        out.write(encode(element, value.get()));
        if (!element.isFixedSize()) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] tuple(GVariantType.TupleOf tuple, List<?> values) {
        List<GVariantType> members = tuple.members();
        if (members.size() != values.size()) {
            throw new IllegalArgumentException(tuple.signature() + " needs " + members.size() + " values");
        }
        Buffer body = new Buffer();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            GVariantType member = members.get(i);
            body.pad(member.alignment());
            body.write(encode(member, values.get(i)));
            if (!member.isFixedSize() && i < members.size() - 1) {
                ends.add(0, body.size());
            }
        }
        if (tuple.isFixedSize()) {
            if (body.size() == 0) {
                body.write(0);
            }
            body.pad(tuple.alignment());
            return body.toByteArray();
        }
        return framed(body, ends);
    }

    private static byte[] framed(Buffer body, List<Integer> offsets) {
        int width = GVariantLayout.widthForBody(body.size(), offsets.size());
        for (int offset : offsets) {
            for (int i = 0; i < width; i++) {
                body.write((int) ((long) offset >>> (8 * i)) & 0xFF);
            }
        }
        return body.toByteArray();
    }

    /** A byte buffer that can pad to an alignment. */
    private static final class Buffer extends ByteArrayOutputStream {
        void pad(int alignment) {
            while (size() % alignment != 0) {
                write(0);
            }
        }

        @Override
        public void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }
    }
}
