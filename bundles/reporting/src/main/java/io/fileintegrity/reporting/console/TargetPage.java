package io.fileintegrity.reporting.console;

import static io.fileintegrity.reporting.console.Html.escape;

import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.BaselineInfo;
import io.fileintegrity.api.monitor.MonitoredTarget;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One target: actions, newest result, baseline, the changes of the last failed scan, and history. */
final class TargetPage {

    private final PrintWriter out;
    private final String pluginRoot;
    private final Instant now;
    private final String csrfToken;

    TargetPage(PrintWriter out, String pluginRoot, Instant now, String csrfToken) {
        this.out = out;
        this.pluginRoot = pluginRoot;
        this.now = now;
        this.csrfToken = csrfToken;
    }

    void render(MonitoredTarget target, String filter, int page, String notice) {
        out.println("<p class='statline ui-state-highlight'><a href='" + escape(pluginRoot) + "'>&laquo; all targets</a>"
                + " &nbsp; " + escape(target.displayName()) + " &ndash; provider " + escape(target.providerName())
                + " &ndash; state <span id='fio-state'>" + escape(target.state().name()) + "</span></p>");
        if (!notice.isEmpty()) {
            out.println("<p class='statline ui-state-highlight' id='fio-notice'>" + escape(notice) + "</p>");
        }
        // One snapshot of the history for the whole page: a scan may finish while it renders.
        List<ScanResult> results = target.recentResults();
        renderActions(target);
        renderLastResult(results.stream().findFirst());
        renderBaseline(target.baseline());
        new ChangesTable(out, pluginRoot).render(target, lastFailed(results), filter, page);
        renderHistory(results);
        out.println("<style>#content table.nicetable{margin-bottom:10px}</style>");
    }

    private void renderActions(MonitoredTarget target) {
        out.println("<div class='buttonGroup' id='fio-actions'>");
        actionForm(target, "scan", "Scan now", "");
        actionForm(target, "reinit", "Re-initialise baseline",
                " onsubmit=\"return confirm('Rebuild the baseline of " + escape(escapeJs(target.displayName()))
                        + "? The current baseline is backed up first, and changes made until now are accepted.');\"");
        out.println("</div>");
    }

    private void actionForm(MonitoredTarget target, String action, String label, String extra) {
        out.println("<form method='post' action='" + escape(pluginRoot) + "' style='display:inline'" + extra + ">"
                + "<input type='hidden' name='action' value='" + action + "'/>"
                + "<input type='hidden' name='target' value='" + escape(target.id()) + "'/>"
                + "<input type='hidden' name='" + CsrfGuard.FIELD + "' value='" + escape(csrfToken) + "'/>"
                + "<button type='submit' id='fio-" + action + "' class='ui-button ui-widget ui-corner-all'>"
                + escape(label) + "</button></form>");
    }

    private void renderLastResult(Optional<ScanResult> last) {
        out.println("<table class='nicetable' id='fio-last-result'><thead><tr><th class='ui-widget-header' colspan='2'>"
                + "Newest result</th></tr></thead><tbody>");
        if (last.isEmpty()) {
            out.println("<tr><td colspan='2'>No scan finished yet.</td></tr></tbody></table>");
            return;
        }
        ScanResult result = last.get();
        row("Outcome", ResultCells.outcome(result));
        row("Finished", ResultCells.finished(result, now));
        row("Duration", escape(Html.duration(result.duration())));
        row("Added / changed / removed", Html.count(result.counts().added()) + " / "
                + Html.count(result.counts().changed()) + " / " + Html.count(result.counts().removed()));
        row("Entries scanned", Html.count(result.statistics().filesScanned()));
        row("Bytes hashed", escape(Html.bytes(result.statistics().bytesHashed())));
        row("Skipped", Html.count(result.statistics().filesSkipped())
                + escape(result.statistics().skippedByReason().isEmpty() ? ""
                        : " " + new TreeMap<>(result.statistics().skippedByReason())));
        row("Page cache dropped", escape(Html.bytes(result.statistics().pageCacheDroppedBytes())));
        if (result.outcome() == Outcome.ERRORED) {
            row("Error", "<span class='ui-state-error-text'>" + escape(result.errorMessage()) + "</span>");
        }
        for (Map.Entry<String, String> detail : new TreeMap<>(result.details()).entrySet()) {
            row(escape(detail.getKey()), escape(detail.getValue()));
        }
        out.println("</tbody></table>");
    }

    private void renderBaseline(Optional<BaselineInfo> baseline) {
        out.println("<table class='nicetable' id='fio-baseline'><thead><tr><th class='ui-widget-header' colspan='2'>"
                + "Baseline</th></tr></thead><tbody>");
        if (baseline.isEmpty()) {
            out.println("<tr><td colspan='2'>No baseline (none built yet, or the provider checks against a source"
                    + " of truth).</td></tr>");
        } else {
            BaselineInfo info = baseline.get();
            row("Location", "<span class='fio-path'>" + escape(info.location()) + "</span>");
            row("Size", escape(Html.bytes(info.sizeBytes())));
            row("Written", escape(Html.time(info.modified())) + " (" + Html.age(info.modified(), now) + ")");
            row("SHA-256", "<code>" + escape(info.sha256()) + "</code>");
        }
        out.println("</tbody></table>");
    }

    private void renderHistory(List<ScanResult> results) {
        out.println("<table class='nicetable' id='fio-history'><thead><tr><th class='ui-widget-header' colspan='4'>"
                + "Recent results</th></tr><tr><th>Finished</th><th>Outcome</th><th>Added / changed / removed</th>"
                + "<th>Duration</th></tr></thead><tbody>");
        for (ScanResult result : results) {
            out.println("<tr><td>" + ResultCells.finished(result, now) + "</td><td>" + ResultCells.outcome(result)
                    + "</td><td>" + Html.count(result.counts().added()) + " / " + Html.count(result.counts().changed())
                    + " / " + Html.count(result.counts().removed()) + "</td><td>"
                    + escape(Html.duration(result.duration())) + "</td></tr>");
        }
        out.println("</tbody></table>");
    }

    private void row(String label, String html) {
        out.println("<tr><td style='width:20%'>" + label + "</td><td>" + html + "</td></tr>");
    }

    private static Optional<ScanResult> lastFailed(List<ScanResult> results) {
        return results.stream().filter(result -> result.outcome() == Outcome.FAILED).findFirst();
    }

    private static String escapeJs(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ");
    }
}
