package io.fileintegrity.reporting.console;

import io.fileintegrity.api.ScanResult;
import java.time.Instant;
import java.util.Locale;

/** Table cell contents for results, shared by the pages. */
final class ResultCells {

    private ResultCells() {
    }

    /** The outcome and mode, e.g. {@code FAILED (check)}, marked up so failures stand out. */
    static String outcome(ScanResult result) {
        String text = result.outcome().name() + " (" + result.mode().name().toLowerCase(Locale.ROOT) + ")";
        return switch (result.outcome()) {
            case SUCCEEDED -> "<span class='fio-outcome fio-succeeded'>" + text + "</span>";
            case FAILED, ERRORED -> "<span class='fio-outcome fio-" + result.outcome().name().toLowerCase(Locale.ROOT)
                    + " ui-state-error-text'>" + text + "</span>";
        };
    }

    /** When the scan ended, with its age. */
    static String finished(ScanResult result, Instant now) {
        Instant end = result.started().plus(result.duration());
        return Html.escape(Html.time(end)) + " (" + Html.age(end, now) + ")";
    }
}
