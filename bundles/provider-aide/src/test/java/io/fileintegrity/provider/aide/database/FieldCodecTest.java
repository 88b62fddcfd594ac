package io.fileintegrity.provider.aide.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FieldCodecTest {
    @Test
    void unsafeBytesArePercentEncodedInUpperCaseHexAsAideDoes() {
        assertEquals("sp%20ace%231%25%40", FieldCodec.encode("sp ace#1%@"));
        assertEquals("/plain/name.txt", FieldCodec.encode("/plain/name.txt"));
        assertEquals("%C3%BC%0A%7F", FieldCodec.encode("\u00c3\u00bc\n\u007f"));
    }

    @Test
    void decodingAcceptsEitherCaseAndKeepsAStrayPercent() {
        assertEquals("a b", FieldCodec.decode("a%20b"));
        assertEquals("\u00ff", FieldCodec.decode("%fF"));
        assertEquals("100%", FieldCodec.decode("100%"));
        assertEquals("%zz", FieldCodec.decode("%zz"));
    }

    @Test
    void timesAreBase64OfTheDecimalSecondsAndZeroStaysZero() {
        assertEquals("MTc5NTU0ODA2OQ==", FieldCodec.encodeTime(1795548069));
        assertEquals(1795548069, FieldCodec.decodeTime("MTc5NTU0ODA2OQ=="));
        assertEquals("0", FieldCodec.encodeTime(0));
        assertEquals(0, FieldCodec.decodeTime("0"));
    }

    @Test
    void optionalStringsUseAidesZeroConventions() {
        assertEquals("0", FieldCodec.encodeOptional(null));
        assertEquals("0-", FieldCodec.encodeOptional(""));
        assertEquals("00abc", FieldCodec.encodeOptional("0abc"));
        assertNull(FieldCodec.decodeOptional("0"));
        assertEquals("", FieldCodec.decodeOptional("0-"));
        assertEquals("0abc", FieldCodec.decodeOptional("00abc"));
    }

    @Test
    void badBase64IsRejectedWithTheValue() {
        assertArrayEquals(new byte[] {'A'}, FieldCodec.decodeBytes("QQ=="));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldCodec.decodeBytes("QQ="));
        assertEquals("base64 value 'QQ=' is not padded to a multiple of 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FieldCodec.decodeBytes("Q*=="));
    }
}
