package io.fileintegrity.provider.ostree.gvariant;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes serialised GVariant data (little-endian framing, as GLib writes it) into Java values, see
 * {@link GVariantValue} for the mapping. Every offset is bounds-checked: the data comes from disk.
 * Stricter than GLib, which substitutes default values for malformed parts: here a malformed part is a
 * {@link GVariantFormatException} naming the byte offset.
 */
public final class GVariantDecoder {

    private final byte[] data;

    private GVariantDecoder(byte[] data) {
        this.data = data;
    }

    /** Decodes all of {@code data} as one value of {@code type}. */
    public static Object decode(GVariantType type, byte[] data) throws GVariantFormatException {
        return new GVariantDecoder(data).read(type, 0, data.length, 0);
    }

    /** Decodes {@code data[offset, offset+length)} as one value of {@code type}. */
    public static Object decode(GVariantType type, byte[] data, int offset, int length) throws GVariantFormatException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new GVariantFormatException("slice " + offset + "+" + length + " outside " + data.length + " bytes");
        }
        return new GVariantDecoder(data).read(type, offset, offset + length, 0);
    }

    private Object read(GVariantType type, int start, int end, int depth) throws GVariantFormatException {
        if (depth > GVariantType.MAX_DEPTH) {
            throw GVariantFormatException.at(start, "values nested deeper than " + GVariantType.MAX_DEPTH);
        }
        if (type instanceof GVariantType.Basic basic) {
            return basic.isFixedSize() ? readFixed(basic, start, end) : readString(start, end);
        } else if (type instanceof GVariantType.ArrayOf array) {
            return readArray(array.element(), start, end, depth);
        } else if (type instanceof GVariantType.MaybeOf maybe) {
            return readMaybe(maybe.element(), start, end, depth);
        } else if (type instanceof GVariantType.TupleOf tuple) {
            return readTuple(tuple, start, end, depth);
        }
        return readVariant(start, end, depth);
    }

    private Object readFixed(GVariantType.Basic type, int start, int end) throws GVariantFormatException {
        int size = type.fixedSize();
        if (end - start != size) {
            throw GVariantFormatException.at(start, "'" + type.code() + "' needs " + size + " bytes, found " + (end - start));
        }
        ByteBuffer in = ByteBuffer.wrap(data, start, size).order(ByteOrder.LITTLE_ENDIAN);
        return switch (type.code()) {
            case 'y' -> data[start] & 0xFF;
            case 'b' -> data[start] != 0;
            case 'n' -> in.getShort();
            case 'q' -> in.getShort() & 0xFFFF;
            case 'i', 'h' -> in.getInt();
            case 'u' -> in.getInt() & 0xFFFFFFFFL;
            case 'd' -> in.getDouble();
            default -> in.getLong();
        };
    }

    private String readString(int start, int end) throws GVariantFormatException {
        if (end <= start || data[end - 1] != 0) {
            throw GVariantFormatException.at(start, "string is not NUL-terminated");
        }
        for (int i = start; i < end - 1; i++) {
            if (data[i] == 0) {
                throw GVariantFormatException.at(i, "NUL inside a string");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, end - 1 - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw GVariantFormatException.at(start, "string is not valid UTF-8");
        }
    }

    private Object readArray(GVariantType element, int start, int end, int depth) throws GVariantFormatException {
        if (element instanceof GVariantType.Basic basic && basic.code() == 'y') {
            byte[] bytes = new byte[end - start];
            System.arraycopy(data, start, bytes, 0, bytes.length);
            return bytes;
        }
        List<Object> values = new ArrayList<>();
        if (element.isFixedSize()) {
            int size = element.fixedSize();
            if ((end - start) % size != 0) {
                throw GVariantFormatException.at(start, (end - start) + " bytes is not a whole number of "
                        + size + "-byte '" + element.signature() + "' elements");
            }
            for (int pos = start; pos < end; pos += size) {
                values.add(read(element, pos, pos + size, depth + 1));
            }
            return values;
        }
        return readVariableArray(element, start, end, depth, values);
    }

    private List<Object> readVariableArray(GVariantType element, int start, int end, int depth, List<Object> values)
            throws GVariantFormatException {
        int size = end - start;
        if (size == 0) {
            return values;
        }
        int width = GVariantLayout.offsetWidth(size);
        if (size < width) {
            throw GVariantFormatException.at(start, "array of " + size + " bytes has no room for its offsets");
        }
        long tableStart = readOffset(end - width, width);
        if (tableStart < 0 || tableStart > size - width || (size - tableStart) % width != 0) {
            throw GVariantFormatException.at(end - width, "array offset table starts at " + tableStart
                    + ", outside the array of " + size + " bytes");
        }
        int count = (int) ((size - tableStart) / width);
        int elementStart = 0;
        for (int i = 0; i < count; i++) {
            int tablePos = start + (int) tableStart + i * width;
            long elementEnd = readOffset(tablePos, width);
            elementStart = GVariantLayout.align(elementStart, element.alignment());
            if (elementEnd < elementStart || elementEnd > tableStart) {
                throw GVariantFormatException.at(tablePos, "array element " + i + " ends at " + elementEnd
                        + ", outside " + elementStart + ".." + tableStart);
            }
            values.add(read(element, start + elementStart, start + (int) elementEnd, depth + 1));
            elementStart = (int) elementEnd;
        }
        return values;
    }

    private Object readMaybe(GVariantType element, int start, int end, int depth) throws GVariantFormatException {
        if (end == start) {
            return Optional.empty();
        }
        if (element.isFixedSize()) {
            return Optional.of(read(element, start, end, depth + 1));
        }
        if (data[end - 1] != 0) {
            throw GVariantFormatException.at(end - 1, "maybe value does not end with its 0 byte");
        }
        return Optional.of(read(element, start, end - 1, depth + 1));
    }

    private List<Object> readTuple(GVariantType.TupleOf tuple, int start, int end, int depth)
            throws GVariantFormatException {
        List<GVariantType> members = tuple.members();
        if (tuple.isFixedSize() && end - start != tuple.fixedSize()) {
            throw GVariantFormatException.at(start, "'" + tuple.signature() + "' needs " + tuple.fixedSize()
                    + " bytes, found " + (end - start));
        }
        int width = GVariantLayout.offsetWidth(end - start);
        long tableStart = (long) (end - start) - (long) framedMembers(members) * width;
        if (tableStart < 0) {
            throw GVariantFormatException.at(start, "tuple of " + (end - start) + " bytes has no room for its offsets");
        }
        List<Object> values = new ArrayList<>(members.size());
        int pos = 0;
        int frame = 0;
        for (int i = 0; i < members.size(); i++) {
            GVariantType member = members.get(i);
            pos = GVariantLayout.align(pos, member.alignment());
            boolean framed = !member.isFixedSize() && i < members.size() - 1;
            frame += framed ? 1 : 0;
            long memberEnd = member.isFixedSize() ? (long) pos + member.fixedSize()
                    : framed ? readOffset(end - frame * width, width) : tableStart;
            if (memberEnd < pos || memberEnd > tableStart) {
                throw GVariantFormatException.at(start + Math.min(pos, end - start), "member " + i + " ('"
                        + member.signature() + "') of '" + tuple.signature() + "' does not fit: " + pos + ".."
                        + memberEnd + " of " + tableStart + " bytes");
            }
            values.add(read(member, start + pos, start + (int) memberEnd, depth + 1));
            pos = (int) memberEnd;
        }
        return values;
    }

    /** Variable-size members other than the last: each has an end offset in the tuple's table. */
    private static int framedMembers(List<GVariantType> members) {
        int frames = 0;
        for (int i = 0; i < members.size() - 1; i++) {
            frames += members.get(i).isFixedSize() ? 0 : 1;
        }
        return frames;
    }

    private GVariantValue readVariant(int start, int end, int depth) throws GVariantFormatException {
        int zero = end - 1;
        while (zero >= start && data[zero] != 0) {
            zero--;
        }
        if (zero < start) {
            throw GVariantFormatException.at(start, "variant has no 0 byte before its type string");
        }
        String signature = new String(data, zero + 1, end - zero - 1, StandardCharsets.US_ASCII);
        GVariantType type = GVariantType.parse(signature);
        return new GVariantValue(type, read(type, start, zero, depth + 1));
    }

    private long readOffset(int pos, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (data[pos + i] & 0xFF);
        }
        return value;
    }
}
