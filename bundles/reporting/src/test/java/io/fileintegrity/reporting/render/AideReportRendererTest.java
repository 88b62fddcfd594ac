package io.fileintegrity.reporting.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests: our AIDE-style text against what the installed aide 0.18 prints for the same tree. */
class AideReportRendererTest {

    private final AideReportRenderer renderer = new AideReportRenderer(ZoneOffset.UTC);

    @Test
    void failedCheckMatchesRealAideLineForLineExceptTimestamps(@TempDir Path work) throws Exception {
        RealAide aide = new RealAide(work);
        Files.writeString(aide.tree.resolve("a.txt"), "hello\n");
        Files.writeString(aide.tree.resolve("c.txt"), "gone\n");
        Files.writeString(aide.tree.resolve("sub/b.txt"), "world\n");
        aide.init();
        Files.writeString(aide.tree.resolve("a.txt"), "changed\n");
        Files.delete(aide.tree.resolve("c.txt"));
        Files.writeString(aide.tree.resolve("sub/n.txt"), "new\n");
        String expected = aide.check(7);
        assertTrue(expected.contains("\n SHA256    : ") && expected.contains("\nremoved: "), expected);

        ScanResult ours = checkResult(aide.entries(), new ChangeCounts(1, 1, 1), List.of(
                FileChange.added(aide.tree + "/sub/n.txt"),
                FileChange.removed(aide.tree + "/c.txt"),
                FileChange.changed(aide.tree + "/a.txt",
                        List.of(new AttributeChange("SHA256", sha256("hello\n"), sha256("changed\n"))))));
        assertEquals(withoutTimestamps(expected), withoutTimestamps(render(ours)));
    }

    @Test
    void cleanCheckMatchesRealAideLineForLineExceptTimestamps(@TempDir Path work) throws Exception {
        RealAide aide = new RealAide(work);
        Files.writeString(aide.tree.resolve("a.txt"), "hello\n");
        aide.init();
        String expected = aide.check(0);

        ScanResult ours = checkResult(aide.entries(), ChangeCounts.NONE, List.of());
        assertEquals(withoutTimestamps(expected), withoutTimestamps(render(ours)));
    }

    @Test
    void timestampLinesHaveAideLayoutAndNameTheProvider() throws Exception {
        ScanResult result = ScanResult.builder("ostree", ScanMode.CHECK)
                .started(Instant.parse("2026-11-24T19:27:49Z")).duration(Duration.ofSeconds(75)).build();
        List<String> lines = render(result).lines().toList();
        assertEquals("Start timestamp: 2026-11-24 19:27:49 +0000 (fio, provider ostree)", lines.get(0));
        assertEquals("End timestamp: 2026-11-24 19:29:04 +0000 (run time: 1m 15s)", lines.get(lines.size() - 1));
    }

    @Test
    void aideProvidersNativeReportPassesThroughUntouched() throws Exception {
        String nativeReport = "Start timestamp: x (AIDE 0.18.3)\n\tanything\r\n";
        ScanResult result = ScanResult.builder("aide", ScanMode.CHECK).report(nativeReport).build();
        assertEquals(nativeReport, render(result));
    }

    @Test
    void truncatedListSaysHowManyOfAllChangesAreListed() throws Exception {
        String text = render(SampleResults.manyChanges(3, 10));
        assertTrue(text.contains("  Changed entries:\t\t10\n"), text);
        assertTrue(text.contains("\n(only the first 3 of 10 changes are listed)\n"), text);
    }

    @Test
    void erroredScanStatesTheMessage() throws Exception {
        String text = render(SampleResults.errored());
        assertEquals("The scan could not be made: " + SampleResults.errored().errorMessage(),
                text.lines().toList().get(1));
    }

    private static ScanResult checkResult(long entries, ChangeCounts counts, List<FileChange> changes) {
        return ScanResult.builder("example", ScanMode.CHECK)
                .outcome(counts.total() == 0 ? Outcome.SUCCEEDED : Outcome.FAILED)
                .counts(counts).changes(changes, false)
                .statistics(new ScanStatistics(entries, 0, Map.of(), 0)).build();
    }

    private String render(ScanResult result) throws Exception {
        StringWriter out = new StringWriter();
        renderer.render(result, out);
        return out.toString();
    }

    private static List<String> withoutTimestamps(String report) {
        return report.lines().filter(line -> !line.startsWith("Start timestamp: ") && !line.startsWith("End timestamp: "))
                .toList();
    }

    private static String sha256(String content) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
