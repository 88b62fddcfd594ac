package io.fileintegrity.reporting.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.report.ReportFormat;
import io.fileintegrity.reporting.render.RenderingReportService;
import io.fileintegrity.reporting.render.SampleResults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSubcommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ReportSubcommand command = new ReportSubcommand(new RenderingReportService());

    private int run(String stdin, String... args) {
        return command.run(new CommandInvocation(List.of(args),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, false, Map.of()));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path storedResult() throws IOException {
        StringWriter json = new StringWriter();
        new RenderingReportService().render(SampleResults.failedCheck(),
                ReportFormat.JSON, json);
        return Files.writeString(dir.resolve("result.json"), json.toString());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportSubcommandTest.class.getResourceAsStream("/configmap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storedResultIsRenderedInAideFormatByDefault() throws Exception {
        storedResult();
        assertEquals(0, run("", "result.json"));
        assertTrue(stdout().startsWith("Start timestamp: "), stdout());
        assertTrue(stdout().contains("  Added entries:\t\t1\n"), stdout());
    }

    @Test
    void storedResultIsRenderedAsNdjsonWithOneLinePerChangePlusSummary() throws Exception {
        storedResult();
        assertEquals(0, run("", "--format", "ndjson", "result.json"));
        assertEquals(4, stdout().lines().count());
    }

    @Test
    void jsonRenderedFromAStoredResultIsIdenticalToTheStoredResult() throws Exception {
        Path stored = storedResult();
        assertEquals(0, run("", "--format=json", stored.toString()));
        assertEquals(Files.readString(stored), stdout());
    }

    @Test
    void compressedConfigMapFromStandardInputIsDecoded() throws Exception {
        assertEquals(0, run(resource("compressed.yaml"), "--configmap", "-"));
        assertEquals(resource("aide-check.log"), stdout());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("", "--help"));
        assertTrue(stdout().startsWith("Usage: fio report"));
    }

    @Test
    void badUsageExitsTwoWithTheProblem() {
        assertEquals(ReportSubcommand.USAGE, run("", "--format", "xml", "r.json"));
        assertTrue(stderr().startsWith("fio report: unknown format 'xml'; expected aide, json or ndjson\n"), stderr());
        err.reset();
        assertEquals(ReportSubcommand.USAGE, run(""));
        assertTrue(stderr().startsWith("fio report: an input file is required\n"), stderr());
    }

    @Test
    void missingFileExitsThreeNamingTheFile() {
        assertEquals(ReportSubcommand.UNREADABLE, run("", "nope.json"));
        assertEquals("fio report: nope.json: no such file\n", stderr());
    }

    @Test
    void malformedStoredResultExitsFourWithLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\n  \"schemaVersion\": 1,\n  oops\n}");
        assertEquals(ReportSubcommand.MALFORMED, run("", "bad.json"));
        assertEquals("fio report: bad.json: line 3, column 3: expected a quoted member name\n", stderr());
    }

    @Test
    void corruptCompressedConfigMapExitsFourWithTheProblem() throws Exception {
        String corrupt = resource("compressed.yaml").replace("integritylog: H4sI", "integritylog: AAAA");
        Files.writeString(dir.resolve("cm.yaml"), corrupt);
        assertEquals(ReportSubcommand.MALFORMED, run("", "--configmap", "cm.yaml"));
        assertTrue(stderr().startsWith("fio report: cm.yaml: the compressed log is not valid gzip data"), stderr());
    }
}
