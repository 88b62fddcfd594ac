package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.provider.aide.report.RunFacts;
import java.util.List;

/**
 * The result of a run.
 *
 * @param facts what the reports show
 * @param warnings what AIDE would log as warnings (unreadable files, vanished files, ...)
 * @param statistics work figures
 */
public record RunOutcome(RunFacts facts, List<String> warnings, ScanStatistics statistics) {
    public RunOutcome {
        warnings = List.copyOf(warnings);
    }
}
