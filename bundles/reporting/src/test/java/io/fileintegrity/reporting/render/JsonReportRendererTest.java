package io.fileintegrity.reporting.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

    private final JsonReportRenderer renderer = new JsonReportRenderer();

    static Map<String, Object> schema() throws Exception {
        try (InputStream in = JsonReportRendererTest.class.getResourceAsStream("/schema/scan-result.schema.json")) {
            return cast(JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    private String render(ScanResult result) throws IOException {
        StringWriter out = new StringWriter();
        renderer.render(result, out);
        return out.toString();
    }

    @Test
    void renderedDocumentsValidateAgainstTheSchema() throws Exception {
        for (ScanResult result : List.of(SampleResults.failedCheck(), SampleResults.manyChanges(300, 500),
                SampleResults.errored())) {
            List<String> problems = MiniJsonSchemaValidator.validate(schema(), JsonParser.parse(render(result)));
            assertEquals(List.of(), problems, "for " + result.provider());
        }
    }

    @Test
    void schemaValidatorRejectsADocumentWithAMissingOrWrongField() throws Exception {
        Map<String, Object> document = cast(JsonParser.parse(render(SampleResults.failedCheck())));
        document.remove("counts");
        document.put("outcome", "broken");
        List<String> problems = MiniJsonSchemaValidator.validate(schema(), document);
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void storedResultReadsBackEqualToTheOriginal() throws Exception {
        for (ScanResult result : List.of(SampleResults.failedCheck(), SampleResults.manyChanges(50, 80),
                SampleResults.errored())) {
            assertEquals(result, new ScanResultJsonReader().read(render(result)));
        }
    }

    @Test
    void outputIsByteForByteTheCommittedStoredResultOfSchemaVersionOne() throws Exception {
        // Guards the stable field names: a change here needs a new schemaVersion and a new fixture.
        try (InputStream in = getClass().getResourceAsStream("/stored/failed-check.json")) {
            String stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(stored, render(SampleResults.failedCheck()));
            assertEquals(SampleResults.failedCheck(), new ScanResultJsonReader().read(stored));
        }
    }

    @Test
    void truncatedChangeListIsStatedWithTheFullCounts() throws Exception {
        Map<String, Object> document = cast(JsonParser.parse(render(SampleResults.manyChanges(10, 25))));
        assertEquals(Boolean.TRUE, document.get("changesTruncated"));
        assertEquals(10L, document.get("changesListed"));
        assertEquals(25L, cast(document.get("counts")).get("total"));
        assertEquals(10, ((List<?>) document.get("changes")).size());
    }

    @Test
    void documentIsOneLineWithControlCharactersEscaped() throws Exception {
        String text = render(SampleResults.failedCheck());
        assertEquals(1, text.lines().count());
        assertTrue(text.contains("\"/usr/bin/gone\\ttab\""));
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void readerNamesTheFieldThatHasTheWrongType() throws Exception {
        String text = render(SampleResults.failedCheck()).replace("\"added\":1", "\"added\":\"one\"");
        JsonSyntaxException error = assertThrows(JsonSyntaxException.class, () -> new ScanResultJsonReader().read(text));
        assertEquals("field 'counts.added': expected a whole number >= 0", error.getMessage());
    }

    @Test
    void readerNamesLineAndColumnOfASyntaxError() {
        JsonSyntaxException error = assertThrows(JsonSyntaxException.class,
                () -> new ScanResultJsonReader().read("{\n  \"schemaVersion\": 1,\n  \"provider\" \"aide\"\n}"));
        assertEquals("line 3, column 14: expected ':'", error.getMessage());
    }

    @Test
    void readerRefusesAnUnknownSchemaVersion() throws Exception {
        String text = render(SampleResults.errored()).replace("\"schemaVersion\":1", "\"schemaVersion\":7");
        JsonSyntaxException error = assertThrows(JsonSyntaxException.class, () -> new ScanResultJsonReader().read(text));
        assertFalse(error.getMessage().isEmpty());
        assertTrue(error.getMessage().startsWith("field 'schemaVersion': version 7 is not supported"));
    }
}
