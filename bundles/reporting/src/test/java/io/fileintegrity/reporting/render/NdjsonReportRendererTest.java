package io.fileintegrity.reporting.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.ScanResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NdjsonReportRendererTest {

    private static List<Map<String, Object>> renderLines(ScanResult result) throws Exception {
        StringWriter out = new StringWriter();
        new NdjsonReportRenderer().render(result, out);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : out.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(JsonReportRendererTest.cast(JsonParser.parse(line)));
            }
        }
        assertEquals('\n', out.toString().charAt(out.toString().length() - 1));
        return lines;
    }

    @Test
    void lineCountIsChangesPlusOneSummary() throws Exception {
        assertEquals(4, renderLines(SampleResults.failedCheck()).size());
        assertEquals(10_001, renderLines(SampleResults.manyChanges(10_000, 10_000)).size());
        assertEquals(1, renderLines(SampleResults.errored()).size());
    }

    @Test
    void changeLinesCarryCorrelationFieldsAndMatchTheSchemaChange() throws Exception {
        Map<String, Object> schema = JsonReportRendererTest.schema();
        Map<String, Object> changeSchema = JsonReportRendererTest.cast(
                JsonReportRendererTest.cast(schema.get("$defs")).get("change"));
        List<Map<String, Object>> lines = renderLines(SampleResults.failedCheck());
        for (Map<String, Object> line : lines.subList(0, 3)) {
            assertEquals("change", line.get("event"));
            assertEquals("ostree", line.get("provider"));
            assertEquals("check", line.get("mode"));
            assertEquals("2026-11-24T19:27:49.123Z", line.get("started"));
            Map<String, Object> change = new HashMap<>(line);
            change.keySet().removeAll(List.of("event", "provider", "mode", "started"));
            assertEquals(List.of(), MiniJsonSchemaValidator.validate(changeSchema, change));
        }
        assertEquals("etc-modified", lines.get(2).get("reason"));
    }

    @Test
    void summaryLineStatesCountsAndTruncation() throws Exception {
        List<Map<String, Object>> lines = renderLines(SampleResults.manyChanges(10, 25));
        Map<String, Object> summary = lines.get(lines.size() - 1);
        assertEquals("summary", summary.get("event"));
        assertEquals("failed", summary.get("outcome"));
        assertEquals(10L, summary.get("changesListed"));
        assertEquals(Boolean.TRUE, summary.get("changesTruncated"));
        assertEquals(25L, JsonReportRendererTest.cast(summary.get("counts")).get("changed"));
    }
}
