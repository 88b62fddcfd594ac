package io.fileintegrity.provider.aide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report URLs and the report text of provider runs (the agent, {@code fio run}). */
class ProviderReportsTest {
    @TempDir
    Path work;
    Path host;
    Path state;
    Path etc;
    final AideIntegrityProvider provider = new AideIntegrityProvider();

    @BeforeEach
    void tree() throws IOException {
        host = Files.createDirectories(work.resolve("hostroot"));
        state = Files.createDirectories(work.resolve("state"));
        etc = Files.createDirectories(host.resolve("etc"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(etc.resolve("file" + i + ".conf"), "value " + i + "\n");
        }
    }

    private ScanContext context(String reports, Map<String, String> parameters, List<FileChange> sink) {
        ProviderConfig config = new ProviderConfig("test/aide.conf", reports + host + "/etc/ p+u+g+s+sha256\n");
        return new ScanContext(host, config, state, new ScanOptions(2, 0, 10, parameters), null, sink::add, null);
    }

    private ScanResult checkAfterChangingEveryFile(String reports, Map<String, String> parameters) throws IOException {
        ScanResult init = provider.initialize(context(reports, parameters, new ArrayList<>()));
        assertEquals(Outcome.SUCCEEDED, init.outcome(), init.errorMessage());
        for (int i = 0; i < 300; i++) {
            Files.writeString(etc.resolve("file" + i + ".conf"), "changed " + i + "\n");
        }
        return provider.check(context(reports, parameters, new ArrayList<>()));
    }

    @Test
    void fdReportsAreIgnoredWithAWarningAndFileReportsAreWritten() throws IOException {
        Path file = work.resolve("report.log");
        ScanResult r = checkAfterChangingEveryFile("report_url=fd:1\nreport_url=file:" + file + "\n", Map.of());
        assertEquals(Outcome.FAILED, r.outcome(), r.errorMessage());
        assertTrue(r.details().get("aide.reportWarnings").contains("report_url 'fd:1' ignored"), r.details().toString());
        assertTrue(Files.readString(file).contains("Changed entries:\t\t300"));
        assertEquals(300, r.counts().total());
    }

    @Test
    void aLargeReportIsCutAtTheLimitWithALineNamingTheFullReport() throws IOException {
        Path file = work.resolve("full.log");
        ScanResult r = checkAfterChangingEveryFile("report_url=file:" + file + "\n", Map.of("aide.report-limit", "4096"));
        String full = Files.readString(file, StandardCharsets.ISO_8859_1);
        String text = r.report();
        int cutAt = text.lastIndexOf("[report truncated: ");
        assertTrue(cutAt > 0 && cutAt <= 4096, text);
        assertTrue(full.startsWith(text.substring(0, cutAt)), "the kept part is the report's beginning");
        long cut = full.length() - cutAt;
        assertTrue(text.endsWith("[report truncated: " + cut + " of " + full.length() + " bytes not shown ("
                + cut * 100 / full.length() + "%); the full report was written to file:" + file + "]\n"), text);
    }

    @Test
    void aReportWithinTheLimitIsWholeAndNoSpillFileIsLeftInTheStateDirectory() throws IOException {
        ScanResult r = checkAfterChangingEveryFile("", Map.of());
        assertTrue(r.report().contains("Changed entries:\t\t300") && r.report().contains("End timestamp:"), r.report());
        assertTrue(!r.report().contains("[report truncated"));
        try (Stream<Path> files = Files.list(state)) {
            assertEquals(List.of("aide.db"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBadReportLimitIsAnErroredResultNamingTheParameter() {
        ScanResult r = provider.check(context("", Map.of("aide.report-limit", "lots"), new ArrayList<>()));
        assertEquals(Outcome.ERRORED, r.outcome());
        assertTrue(r.errorMessage().contains("aide.report-limit"), r.errorMessage());
    }
}
