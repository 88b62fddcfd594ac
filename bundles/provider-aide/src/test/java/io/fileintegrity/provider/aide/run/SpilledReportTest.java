package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.ReportFormat;
import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.report.DifferenceSource;
import io.fileintegrity.provider.aide.report.RunFacts;
import io.fileintegrity.provider.aide.report.RunKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report read back from a spill file is the report of the same differences held in memory. */
class SpilledReportTest {
    @TempDir
    Path dir;

    private static String render(DifferenceSource source, ReportSettings s) throws IOException {
        RunFacts facts = new RunFacts(RunKind.CHECK, 0, 1, 90, source, null, null, null, "", List.of());
        StringBuilder b = new StringBuilder();
        ReportPublisher.render(facts, s, b::append);
        return b.toString();
    }

    @Test
    void plainAndJsonReportsAtEveryLevelAreTheSameFromMemoryAndFromTheSpillFile() throws IOException {
        List<Difference> differences = DifferenceStoreTest.differences(90);
        try (DifferenceStore store = new DifferenceStore(dir, 8)) {
            for (Difference d : differences) {
                store.add(d);
            }
            assertTrue(store.spilled());
            for (ReportFormat format : ReportFormat.values()) {
                for (ReportLevel level : ReportLevel.values()) {
                    ReportSettings s = new ReportSettings(level, format, false, false, false, false, true, format
                            == ReportFormat.PLAIN, ReportSettings.DEFAULTS.ignoreAddedAttrs(),
                            ReportSettings.DEFAULTS.ignoreRemovedAttrs(), ReportSettings.DEFAULTS.ignoreChangedAttrs(),
                            ReportSettings.DEFAULTS.forceAttrs(), "");
                    String expected = render(DifferenceSource.of(differences), s);
                    assertTrue(level.compareTo(ReportLevel.LIST_ENTRIES) < 0 || expected.contains("/srv/"), expected);
                    assertEquals(expected, render(store, s), format + " " + level);
                }
            }
        }
    }
}
