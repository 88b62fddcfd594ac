package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.provider.aide.report.RunFacts;
import java.io.Closeable;
import java.util.List;

/**
 * The result of a run. Close it once its reports are written: it releases the differences' spill file.
 *
 * @param facts what the reports show
 * @param warnings what AIDE would log as warnings (unreadable files, vanished files, ...)
 * @param statistics work figures
 */
public record RunOutcome(RunFacts facts, List<String> warnings, ScanStatistics statistics) implements Closeable {
    public RunOutcome {
        warnings = List.copyOf(warnings);
    }

    @Override
    public void close() {
        if (facts.differences() instanceof DifferenceStore store) {
            store.close();
        }
    }
}
