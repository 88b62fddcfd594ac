package io.fileintegrity.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.metrics.MetricsWriter.Type;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextWriterTest {

    @Test
    void labelValuesWithBackslashQuoteAndNewlineParseBackUnchanged() {
        PrometheusTextWriter writer = new PrometheusTextWriter();
        String awkward = "C:\\dir \"x\"\nnext";
        writer.family("fio_test", Type.GAUGE, "help with \\ and\nnewline").sample(Map.of("target", awkward), 1.5);
        PrometheusTextParser parsed = PrometheusTextParser.parse(writer.text());
        assertEquals(1.5, parsed.value("fio_test", Map.of("target", awkward)));
        assertEquals("help with \\\\ and\\nnewline", parsed.help.get("fio_test"));
        assertEquals("gauge", parsed.types.get("fio_test"));
    }

    @Test
    void samplesOfOneFamilyFromTwoSourcesStayTogetherUnderOneHeader() {
        PrometheusTextWriter all = new PrometheusTextWriter();
        PrometheusTextWriter first = new PrometheusTextWriter();
        first.family("a_total", Type.COUNTER, "A.").sample(Map.of("n", "1"), 1);
        first.family("b", Type.GAUGE, "B.").sample(2);
        PrometheusTextWriter second = new PrometheusTextWriter();
        second.family("a_total", Type.COUNTER, "A.").sample(Map.of("n", "2"), 3);
        all.addAll(first);
        all.addAll(second);
        PrometheusTextParser parsed = PrometheusTextParser.parse(all.text());
        assertEquals(3, parsed.samples.size());
        assertEquals(3.0, parsed.value("a_total", Map.of("n", "2")));
        assertEquals("counter", parsed.types.get("a_total"));
    }

    @Test
    void specialValuesUseTheFormatsSpelling() {
        assertEquals("+Inf", PrometheusTextWriter.formatValue(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusTextWriter.formatValue(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", PrometheusTextWriter.formatValue(Double.NaN));
        assertEquals("1048576", PrometheusTextWriter.formatValue(1_048_576));
        assertEquals("0.25", PrometheusTextWriter.formatValue(0.25));
        assertEquals("1795607922.602", PrometheusTextWriter.formatValue(1.795607922602E9));
        assertEquals("0.000001", PrometheusTextWriter.formatValue(1e-6));
    }

    @Test
    void invalidNamesAndTypeConflictsAreRefused() {
        PrometheusTextWriter writer = new PrometheusTextWriter();
        assertThrows(IllegalArgumentException.class, () -> writer.family("1bad", Type.GAUGE, ""));
        writer.family("ok", Type.GAUGE, "");
        assertThrows(IllegalArgumentException.class, () -> writer.sample(Map.of("bad-label", "v"), 1));
        assertThrows(IllegalArgumentException.class, () -> writer.family("ok", Type.COUNTER, ""));
    }

    @Test
    void labelsAreWrittenInNameOrder() {
        PrometheusTextWriter writer = new PrometheusTextWriter();
        writer.family("x", Type.GAUGE, "X.").sample(Map.of("z", "1", "a", "2"), 0);
        assertTrue(writer.text().contains("x{a=\"2\",z=\"1\"} 0\n"), writer.text());
    }
}
