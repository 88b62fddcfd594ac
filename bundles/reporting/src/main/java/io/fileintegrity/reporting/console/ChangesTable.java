package io.fileintegrity.reporting.console;

import static io.fileintegrity.reporting.console.Html.escape;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.ChangePage;
import io.fileintegrity.api.monitor.MonitoredTarget;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The changes of the newest failed scan, one page at a time, with a path search. Paging and filtering
 * happen in the target ({@link MonitoredTarget#changes}), so 100k changes cost one page of HTML.
 */
final class ChangesTable {

    /** Changes per page. */
    static final int PAGE_SIZE = 50;

    private final PrintWriter out;
    private final String pluginRoot;

    ChangesTable(PrintWriter out, String pluginRoot) {
        this.out = out;
        this.pluginRoot = pluginRoot;
    }

    void render(MonitoredTarget target, Optional<ScanResult> failed, String filter, int page) {
        ChangePage changes = target.changes(filter, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE);
        String when = failed.map(result -> " of the scan finished " + Html.time(result.started().plus(result.duration())))
                .orElse("");
        out.println("<table class='nicetable' id='fio-changes'><thead><tr><th class='ui-widget-header' colspan='4'>"
                + "Changes" + escape(when) + "</th></tr><tr><td colspan='4'>");
        renderSearch(target, filter);
        renderPager(target, filter, page, changes);
        out.println("</td></tr><tr><th>Kind</th><th>Path</th><th>Attributes (baseline &rarr; now)</th>"
                + "<th>Reason</th></tr></thead><tbody>");
        if (changes.changes().isEmpty()) {
            out.println("<tr><td colspan='4'>" + (filter.isEmpty() ? "No changes recorded."
                    : "No change matches &quot;" + escape(filter) + "&quot;.") + "</td></tr>");
        }
        for (FileChange change : changes.changes()) {
            out.print("<tr><td>" + change.kind().name() + "</td><td class='fio-path'>" + escape(change.path())
                    + "</td><td>");
            for (AttributeChange attribute : change.attributes()) {
                out.print("<div><b>" + escape(attribute.attribute()) + "</b>: <code class='fio-value'>"
                        + escape(attribute.oldValue()) + "</code> &rarr; <code class='fio-value'>"
                        + escape(attribute.newValue()) + "</code></div>");
            }
            out.println("</td><td>" + escape(change.reason()) + "</td></tr>");
        }
        out.println("</tbody></table>");
        out.println("<style>.fio-path,.fio-value{word-break:break-all}</style>");
    }

    private void renderSearch(MonitoredTarget target, String filter) {
        out.println("<form method='get' action='" + escape(pluginRoot) + "' class='filterBox' id='fio-search'>"
                + "<input type='hidden' name='target' value='" + escape(target.id()) + "'/>"
                + "<input type='text' class='text' name='q' size='40' placeholder='path contains...' value='"
                + escape(filter) + "'/> <button type='submit' class='ui-button ui-widget ui-corner-all'>Search"
                + "</button></form>");
    }

    private void renderPager(MonitoredTarget target, String filter, int page, ChangePage changes) {
        long total = changes.totalMatching();
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        long first = total == 0 ? 0 : changes.offset() + 1;
        long last = changes.offset() + changes.changes().size();
        out.print("<span id='fio-pager' style='float:right'>" + Html.count(first) + "&ndash;" + Html.count(last)
                + " of " + Html.count(total) + (filter.isEmpty() ? "" : " matching") + " &nbsp; page " + page
                + " of " + pages + " ");
        if (page > 1) {
            out.print(" <a id='fio-previous' href='" + escape(link(target, filter, page - 1)) + "'>&laquo; previous</a>");
        }
        if (page < pages) {
            out.print(" <a id='fio-next' href='" + escape(link(target, filter, page + 1)) + "'>next &raquo;</a>");
        }
        out.println("</span>");
    }

    private String link(MonitoredTarget target, String filter, int page) {
        return pluginRoot + "?target=" + Html.query(target.id()) + (filter.isEmpty() ? "" : "&q=" + Html.query(filter))
                + "&page=" + page;
    }
}
