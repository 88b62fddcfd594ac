package io.fileintegrity.reporting.render;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Results for renderer tests, with awkward text (quotes, tabs, newlines, non-ASCII) in every string. */
public final class SampleResults {

    private SampleResults() {
    }

    /** A failed check with three changes, a detail and skip reasons. */
    public static ScanResult failedCheck() {
        return ScanResult.builder("ostree", ScanMode.CHECK)
                .outcome(Outcome.FAILED)
                .started(Instant.parse("2026-11-24T19:27:49.123Z"))
                .duration(Duration.ofMillis(1534))
                .counts(new ChangeCounts(1, 1, 1))
                .changes(List.of(
                        FileChange.added("/etc/new \"quoted\".conf"),
                        FileChange.removed("/usr/bin/gone\ttab"),
                        new FileChange("/etc/passwd", ChangeKind.CHANGED,
                                List.of(new AttributeChange("sha256", "abc", "d\u00e9f\nx")), "etc-modified")),
                        false)
                .statistics(new ScanStatistics(516, 1_048_576, Map.of("permission", 2L, "vanished", 1L), 4096))
                .detail("ostree.commit", "3f2a")
                .report("native\nreport")
                .build();
    }

    /** A failed check listing the first {@code listed} of {@code total} changed files. */
    public static ScanResult manyChanges(int listed, long total) {
        List<FileChange> changes = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            changes.add(FileChange.changed("/var/lib/file-" + i,
                    List.of(new AttributeChange("sha512", "old" + i, "new" + i))));
        }
        return ScanResult.builder("aide", ScanMode.CHECK)
                .outcome(Outcome.FAILED)
                .started(Instant.parse("2026-11-24T10:00:00Z"))
                .counts(new ChangeCounts(0, total, 0))
                .changes(changes, listed < total)
                .statistics(new ScanStatistics(total * 2, 0, Map.of(), 0))
                .build();
    }

    /** An errored check. */
    public static ScanResult errored() {
        return ScanResult.builder("ima", ScanMode.CHECK)
                .errored("/sys/kernel/security/ima/ascii_runtime_measurements: permission denied")
                .started(Instant.parse("2026-11-24T10:00:00Z"))
                .build();
    }
}
