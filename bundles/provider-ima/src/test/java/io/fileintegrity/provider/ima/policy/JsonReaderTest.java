package io.fileintegrity.provider.ima.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() throws Exception {
        Object value = JsonReader.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\u00e9\\n\\ud83d\\ude00\", \"c\": {}}\n");
        Map<?, ?> map = (Map<?, ?>) value;
        List<?> a = (List<?>) map.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(new BigDecimal("-2.5e1"), a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertNull(a.get(4));
        assertEquals("x\u00e9\n\ud83d\ude00", map.get("b"));
        assertEquals(Map.of(), map.get("c"));
    }

    @Test
    void rejectsWhatPythonsJsonModuleWouldNotWriteWithLineAndColumn() {
        assertError("{\"a\": 1,}", "JSON line 1 column 9: expected a member name in double quotes");
        assertError("{\"a\": 1, \"a\": 2}", "JSON line 1 column 15: duplicate member \"a\"");
        assertError("[1,\n 2,\n x]", "JSON line 3 column 2: unexpected 'x'");
        assertError("\"\\q\"", "JSON line 1 column 4: invalid escape '\\q'");
        assertError("\"\\ud800\"", "JSON line 1 column 8: lone surrogate escape in a string");
        assertError("01", "JSON line 1 column 2: unexpected '1' after the JSON value");
        assertError("[1.]", "JSON line 1 column 4: invalid number: no digits after '.'");
        assertError("{\"a\": 1} x", "JSON line 1 column 10: unexpected 'x' after the JSON value");
        assertError("\"tab\there\"", "JSON line 1 column 6: control character U+0009 in a string");
        assertError("[".repeat(100), "JSON line 1 column 66: nested deeper than 64 levels");
        assertError("", "JSON line 1 column 1: unexpected end of the text");
    }

    private static void assertError(String json, String message) {
        var e = assertThrows(JsonException.class, () -> JsonReader.parse(json));
        assertEquals(message, e.getMessage());
    }
}
