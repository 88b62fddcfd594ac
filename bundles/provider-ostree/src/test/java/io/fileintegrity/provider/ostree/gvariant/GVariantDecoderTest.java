package io.fileintegrity.provider.ostree.gvariant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GVariantDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    /** research/ostree.md §3: a file header with two xattrs, as ostree 2022.7 hashes it (after the 8-byte prefix). */
    private static final String XATTR_HEADER = "00000000" + "00000000" + "000081a4" + "00000000" + "00"
            + "757365722e61616100" + "00ff" + "09" + "757365722e66696f00" + "68656c6c6f" + "09" + "0c1b" + "11";

    private static GVariantType type(String signature) throws GVariantFormatException {
        return GVariantType.parse(signature);
    }

    @Test
    void decodesFileHeaderWithSortedXattrs() throws Exception {
        List<?> header = (List<?>) GVariantDecoder.decode(type("(uuuusa(ayay))"), HEX.parseHex(XATTR_HEADER));
        assertEquals(0L, header.get(0));
        assertEquals(0x81a4, Integer.reverseBytes((int) (long) (Long) header.get(2)));
        assertEquals("", header.get(4));
        List<?> xattrs = (List<?>) header.get(5);
        assertEquals(2, xattrs.size());
        assertArrayEquals("user.aaa\0".getBytes(), (byte[]) ((List<?>) xattrs.get(0)).get(0));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) ((List<?>) xattrs.get(0)).get(1));
        assertArrayEquals("hello".getBytes(), (byte[]) ((List<?>) xattrs.get(1)).get(1));
    }

    @Test
    void encoderReproducesTheFileHeaderBytes() throws Exception {
        GVariantType type = type("(uuuusa(ayay))");
        Object decoded = GVariantDecoder.decode(type, HEX.parseHex(XATTR_HEADER));
        assertEquals(XATTR_HEADER, HEX.formatHex(GVariantEncoder.encode(type, decoded)));
    }

    @Test
    void emptyDirtreeIsOneZeroByte() throws Exception {
        GVariantType type = type("(a(say)a(sayay))");
        assertEquals("00", HEX.formatHex(GVariantEncoder.encode(type, List.of(List.of(), List.of()))));
        assertEquals(List.of(List.of(), List.of()), GVariantDecoder.decode(type, new byte[] {0}));
    }

    @Test
    void dirmetaOfRootDirectoryIsTwelveBytes() throws Exception {
        GVariantType type = type("(uuua(ayay))");
        byte[] bytes = HEX.parseHex("0000000000000000000041ed");
        List<?> meta = (List<?>) GVariantDecoder.decode(type, bytes);
        assertEquals(040755, Integer.reverseBytes((int) (long) (Long) meta.get(2)));
        assertEquals(List.of(), meta.get(3));
    }

    @Test
    void decodesVariantsInADictionary() throws Exception {
        GVariantType type = type("a{sv}");
        Object value = List.of(List.of("ostree.ref-binding", new GVariantValue(type("as"), List.of("fio/fixture/x86_64"))),
                List.of("version", new GVariantValue(type("t"), 42L)));
        List<?> decoded = (List<?>) GVariantDecoder.decode(type, GVariantEncoder.encode(type, value));
        GVariantValue binding = (GVariantValue) ((List<?>) decoded.get(0)).get(1);
        assertEquals("as", binding.type().signature());
        assertEquals(List.of("fio/fixture/x86_64"), binding.value());
        assertEquals(42L, ((GVariantValue) ((List<?>) decoded.get(1)).get(1)).value());
    }

    @Test
    void roundTripsMaybesAndFixedTuples() throws Exception {
        GVariantType type = type("(msm(ii)a(yt)b)");
        Object value = List.of(Optional.of("x"), Optional.empty(), List.of(List.of(1, 2L), List.of(255, -1L)), true);
        byte[] bytes = GVariantEncoder.encode(type, value);
        assertEquals(value, GVariantDecoder.decode(type, bytes));
    }

    @Test
    void largeArraysUseWiderOffsets() throws Exception {
        GVariantType type = type("as");
        List<String> names = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "name-" + i).toList();
        byte[] bytes = GVariantEncoder.encode(type, names);
        assertEquals(names, GVariantDecoder.decode(type, bytes));
        assertTrue(bytes.length > 0xFFFF, "needs 4-byte offsets");
    }

    @Test
    void truncatedTupleNamesTheProblem() throws Exception {
        byte[] bytes = HEX.parseHex(XATTR_HEADER);
        byte[] cut = java.util.Arrays.copyOf(bytes, 10);
        GVariantFormatException e = assertThrows(GVariantFormatException.class,
                () -> GVariantDecoder.decode(type("(uuuusa(ayay))"), cut));
        assertTrue(e.getMessage().startsWith("at byte "), e.getMessage());
    }

    @Test
    void stringWithoutNulIsRefused() {
        GVariantFormatException e = assertThrows(GVariantFormatException.class,
                () -> GVariantDecoder.decode(type("s"), "abc".getBytes()));
        assertTrue(e.getMessage().contains("NUL-terminated"), e.getMessage());
    }

    @Test
    void fixedArrayWithPartialElementIsRefused() {
        assertThrows(GVariantFormatException.class, () -> GVariantDecoder.decode(type("au"), new byte[6]));
    }

    @Test
    void arrayOffsetPastTheEndIsRefused() {
        byte[] bytes = {'a', 0, 'b', 0, 2, (byte) 0xF0};
        GVariantFormatException e = assertThrows(GVariantFormatException.class,
                () -> GVariantDecoder.decode(type("as"), bytes));
        assertTrue(e.getMessage().contains("offset table"), e.getMessage());
    }

    @Test
    void badTypeStringsAreRefused() {
        for (String bad : new String[] {"", "(", "z", "a", "{vs}", "(ii", "ii"}) {
            assertThrows(GVariantFormatException.class, () -> GVariantType.parse(bad), bad);
        }
        assertThrows(GVariantFormatException.class, () -> GVariantType.parse("a".repeat(100) + "y"));
    }

    @Test
    void variantWithUnknownTypeIsRefused() {
        byte[] bytes = {1, 0, 'z'};
        assertThrows(GVariantFormatException.class, () -> GVariantDecoder.decode(new GVariantType.Variant(), bytes));
    }

    @Test
    void typeKnowsSizesAndAlignments() throws Exception {
        assertEquals(16, type("(tu)").fixedSize());
        assertEquals(8, type("(tu)").alignment());
        assertEquals(1, type("()").fixedSize());
        assertEquals(-1, type("(uuuusa(ayay))").fixedSize());
        assertEquals("(a{sv}aya(say)sstayay)", type("(a{sv}aya(say)sstayay)").signature());
    }
}
