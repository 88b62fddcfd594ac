package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.ReportFormat;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.config.ReportUrl;
import io.fileintegrity.provider.aide.report.JsonReportRenderer;
import io.fileintegrity.provider.aide.report.PlainReportRenderer;
import io.fileintegrity.provider.aide.report.ReportSelection;
import io.fileintegrity.provider.aide.report.ReportSink;
import io.fileintegrity.provider.aide.report.RunFacts;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens the {@code report_url}s of a run, streams each report straight to its destination (no report
 * is built in memory) and computes the exit code.
 */
public final class ReportPublisher implements Closeable {
    private final List<Opened> open;
    private final List<ReportUrl> written = new ArrayList<>();

    private ReportPublisher(List<Opened> open) {
        this.open = open;
    }

    private record Opened(ReportUrl url, ReportDestination out) {}

    /**
     * Where report URLs lead.
     *
     * @param syslogSocket the syslog socket ({@code /dev/log})
     * @param clock the time in syslog message headers
     */
    public record Outputs(OutputStream stdout, OutputStream stderr, String syslogSocket, Clock clock) {
        public static Outputs of(OutputStream stdout, OutputStream stderr) {
            return new Outputs(stdout, stderr, SyslogDestination.DEV_LOG, Clock.systemDefaultZone());
        }
    }

    /**
     * Opens every URL that can be opened, in AIDE's report order. Each one that cannot is a problem
     * {@code source:line: message} (AIDE stops with exit code 17 on the first; the caller decides).
     *
     * @param warnings receives syslog warnings (unknown facility, socket unreachable)
     */
    public static ReportPublisher open(List<ReportUrl> urls, Outputs outputs, Consumer<String> warnings,
            List<String> problems) {
        List<ReportUrl> ordered = inAideOrder(urls);
        int facility = SyslogFacility.shared(ordered, warnings);
        List<Opened> open = new ArrayList<>();
        for (ReportUrl u : ordered) {
            try {
                open.add(new Opened(u, ReportDestinations.open(u, outputs, facility, warnings)));
            } catch (IOException e) {
                problems.add(u.url().source() + ":" + u.url().line() + ": " + e.getMessage());
            }
        }
        return new ReportPublisher(open);
    }

    /**
     * Writes every opened report, then closes its destination. Returns one problem per report that
     * could not be written (AIDE logs those and goes on; the exit code does not change).
     */
    public List<String> publish(RunFacts facts) {
        List<String> problems = new ArrayList<>();
        for (Opened o : open) {
            try (ReportDestination out = o.out()) {
                render(facts, o.url().settings(), out);
                written.add(o.url());
            } catch (IOException ex) {
                problems.add("cannot write report to '" + o.url().url() + "': " + ex.getMessage());
            }
        }
        open.clear();
        return problems;
    }

    /** The URLs {@link #publish} wrote without an error. */
    public List<ReportUrl> written() {
        return List.copyOf(written);
    }

    /** Closes what {@link #publish} did not (a run that failed). */
    @Override
    public void close() {
        for (Opened o : open) {
            try {
                o.out().close();
            } catch (IOException e) {
                // nothing was written; the run's own error is what the caller reports
            }
        }
        open.clear();
    }

    /** Streams the report for settings (plain or JSON) to a sink. */
    public static void render(RunFacts facts, ReportSettings settings, ReportSink out) throws IOException {
        if (settings.format() == ReportFormat.JSON) {
            JsonReportRenderer.render(facts, settings, AideEngine.AIDE_VERSION, out);
        } else {
            PlainReportRenderer.render(facts, settings, AideEngine.AIDE_VERSION, out);
        }
    }

    /** AIDE's exit code: the OR of the difference bits over all reports (0 for init). */
    public static int exitCode(RunFacts facts, List<ReportUrl> urls) throws IOException {
        if (!facts.kind().compares()) {
            return ExitCodes.OK;
        }
        int bits = 0;
        for (ReportUrl u : urls) {
            bits |= ReportSelection.of(facts, u.settings()).exitBits();
        }
        return bits;
    }

    /** The URLs of a type. */
    public static List<ReportUrl> ofType(List<ReportUrl> urls, AideUrl.Type... types) {
        List<AideUrl.Type> wanted = List.of(types);
        return urls.stream().filter(u -> wanted.contains(u.url().type())).toList();
    }

    /**
     * AIDE keeps report URLs in a list sorted by insertion: highest report level first, and among
     * equal levels the URL defined last comes first ({@code list_sorted_insert} in {@code list.c}).
     */
    static List<ReportUrl> inAideOrder(List<ReportUrl> urls) {
        List<ReportUrl> sorted = new ArrayList<>(urls);
        sorted.sort(Comparator.comparing((ReportUrl u) -> u.settings().level()).reversed()
                .thenComparing(Comparator.comparingInt((ReportUrl u) -> u.url().line()).reversed()));
        return sorted;
    }
}
