package io.fileintegrity.reporting.console;

import static io.fileintegrity.reporting.console.Html.escape;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.MonitoredTarget;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plugin's main page: registered providers and every monitored target with its newest result. */
final class OverviewPage {

    private final PrintWriter out;
    private final String pluginRoot;
    private final Instant now;

    OverviewPage(PrintWriter out, String pluginRoot, Instant now) {
        this.out = out;
        this.pluginRoot = pluginRoot;
        this.now = now;
    }

    void render(List<ProviderRow> providers, List<MonitoredTarget> targets) {
        out.println("<p class='statline ui-state-highlight'>" + providers.size() + " integrity provider(s) registered, "
                + targets.size() + " target(s) monitored.</p>");
        renderProviders(providers);
        renderTargets(targets);
        out.println("<style>#content table.nicetable{margin-bottom:10px}</style>");
    }

    private void renderProviders(List<ProviderRow> providers) {
        out.println("<table class='nicetable' id='providers'><thead><tr><th class='ui-widget-header' colspan='5'>"
                + "Integrity providers</th></tr><tr><th>Name</th><th>Maturity</th><th>Summary</th><th>Bundle</th>"
                + "<th>State</th></tr></thead><tbody>");
        if (providers.isEmpty()) {
            out.println("<tr><td colspan='5'>No integrity provider is registered.</td></tr>");
        }
        for (ProviderRow provider : providers) {
            out.println("<tr><td>" + escape(provider.name()) + "</td><td>" + escape(provider.maturity())
                    + "</td><td>" + escape(provider.summary()) + "</td><td>" + escape(provider.bundle())
                    + "</td><td>" + escape(provider.state()) + "</td></tr>");
        }
        out.println("</tbody></table>");
    }

    private void renderTargets(List<MonitoredTarget> targets) {
        out.println("<table class='nicetable' id='targets'><thead><tr><th class='ui-widget-header' colspan='8'>"
                + "Monitored targets</th></tr><tr><th>Target</th><th>Provider</th><th>State</th><th>Last result</th>"
                + "<th>Added</th><th>Changed</th><th>Removed</th><th>Finished</th></tr></thead><tbody>");
        if (targets.isEmpty()) {
            out.println("<tr><td colspan='8'>Nothing is monitored yet.</td></tr>");
        }
        for (MonitoredTarget target : targets) {
            Optional<ScanResult> last = target.lastResult();
            out.print("<tr><td><a href='" + escape(pluginRoot + "?target=" + Html.query(target.id())) + "'>"
                    + escape(target.displayName()) + "</a></td><td>" + escape(target.providerName()) + "</td><td>"
                    + escape(target.state().name()) + "</td>");
            if (last.isPresent()) {
                ScanResult result = last.get();
                out.println("<td>" + ResultCells.outcome(result) + "</td><td>" + Html.count(result.counts().added())
                        + "</td><td>" + Html.count(result.counts().changed()) + "</td><td>"
                        + Html.count(result.counts().removed()) + "</td><td>" + ResultCells.finished(result, now)
                        + "</td></tr>");
            } else {
                out.println("<td colspan='5'>no scan finished yet</td></tr>");
            }
        }
        out.println("</tbody></table>");
    }
}
