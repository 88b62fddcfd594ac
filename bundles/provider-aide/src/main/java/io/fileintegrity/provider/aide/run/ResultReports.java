package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.ChangeSink;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.ReportFormat;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.config.ReportUrl;
import io.fileintegrity.provider.aide.report.ChangeDescriptions;
import io.fileintegrity.provider.aide.report.ReportSelection;
import io.fileintegrity.provider.aide.report.ReportSelection.Category;
import io.fileintegrity.provider.aide.report.RunFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The reports of a provider run (the agent, {@code fio run}): the {@code file:} and {@code syslog:}
 * report URLs written as configured; {@code fd:} ignored with a warning (the agent's descriptors are
 * the runtime's own; stdout and stderr have no reader); the changes for the SPI; and the bounded
 * report text of the result. Each is one pass over the differences, none of them all in memory.
 */
public final class ResultReports {
    private final RunFacts facts;
    private final List<ReportUrl> urls;
    private final List<String> problems = new ArrayList<>();
    private List<ReportUrl> written = List.of();

    public ResultReports(RunFacts facts, List<ReportUrl> urls) {
        this.facts = facts;
        this.urls = urls;
    }

    /** Writes the file and syslog reports; problems are kept for {@link #problems()}. */
    public void publish() {
        for (ReportUrl u : ReportPublisher.ofType(urls, AideUrl.Type.FD)) {
            problems.add("report_url '" + u.url() + "' ignored: the agent does not write to its own file descriptors;"
                    + " use file: or syslog:");
        }
        List<ReportUrl> kept = ReportPublisher.ofType(urls, AideUrl.Type.FILE, AideUrl.Type.SYSLOG);
        OutputStream none = OutputStream.nullOutputStream();
        try (ReportPublisher reports = ReportPublisher.open(kept, ReportPublisher.Outputs.of(none, none),
                problems::add, problems)) {
            problems.addAll(reports.publish(facts));
            written = reports.written();
        }
    }

    /** Report warnings and errors ({@code fd:} ignored, unwritable files, syslog unreachable). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The plain report of the first URL's settings, at most {@code limit} characters plus a truncation line. */
    public String text(int limit) throws IOException {
        BoundedReport text = new BoundedReport(limit);
        ReportPublisher.render(facts, primary(), text);
        List<String> files = written.stream().filter(u -> u.url().type() == AideUrl.Type.FILE)
                .map(u -> u.url().toString()).toList();
        return text.text(files.isEmpty() ? null : String.join(", ", files));
    }

    /**
     * Sends every change the first report counts to the sink, in database order, and keeps the first
     * {@code max} for the result.
     */
    public ChangeCounts changes(ChangeSink sink, int max, List<FileChange> kept, UnaryOperator<String> displayPath)
            throws IOException {
        ReportSettings primary = primary();
        boolean countAdded = ReportSelection.countsAdded(facts, primary);
        ChangeCounts[] counts = {ChangeCounts.NONE};
        facts.differences().forEach(d -> {
            if (ReportSelection.category(d, countAdded, primary) != Category.NONE) {
                FileChange change = ChangeDescriptions.of(d, primary, displayPath);
                counts[0] = counts[0].plus(change.kind());
                sink.accept(change);
                if (kept.size() < max) {
                    kept.add(change);
                }
            }
        });
        return counts[0];
    }

    private ReportSettings primary() {
        ReportSettings s = urls.get(0).settings();
        return new ReportSettings(s.level(), ReportFormat.PLAIN, s.detailedInit(), s.base16(), false, s.append(),
                s.summarizeChanges(), s.grouped(), s.ignoreAddedAttrs(), s.ignoreRemovedAttrs(), s.ignoreChangedAttrs(),
                s.forceAttrs(), s.ignoreE2fsattrs());
    }
}
