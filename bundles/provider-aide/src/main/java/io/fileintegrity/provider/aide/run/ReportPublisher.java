package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.config.ReportFormat;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.config.ReportUrl;
import io.fileintegrity.provider.aide.report.JsonReportRenderer;
import io.fileintegrity.provider.aide.report.PlainReportRenderer;
import io.fileintegrity.provider.aide.report.ReportSelection;
import io.fileintegrity.provider.aide.report.RunFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders the reports of a run and writes them to their {@code report_url}s; computes the exit code. */
public final class ReportPublisher {
    private ReportPublisher() {}

    /** The report text for settings (plain or JSON), as a byte string. */
    public static String render(RunFacts facts, ReportSettings settings) {
        return settings.format() == ReportFormat.JSON
                ? JsonReportRenderer.render(facts, settings, AideEngine.AIDE_VERSION)
                : PlainReportRenderer.render(facts, settings, AideEngine.AIDE_VERSION);
    }

    /** AIDE's exit code: the OR of the difference bits over all reports (0 for init). */
    public static int exitCode(RunFacts facts, List<ReportUrl> urls) {
        if (!facts.kind().compares()) {
            return ExitCodes.OK;
        }
        int bits = 0;
        for (ReportUrl u : urls) {
            bits |= ReportSelection.of(facts, u.settings()).exitBits();
        }
        return bits;
    }

    /**
     * Writes every report. Returns warnings for URLs that could not be written (AIDE logs those and
     * goes on); an unwritable report file does not change the exit code.
     */
    public static List<String> publish(RunFacts facts, List<ReportUrl> urls, OutputStream stdout, OutputStream stderr) {
        List<String> problems = new ArrayList<>();
        for (ReportUrl u : inAideOrder(urls)) {
            byte[] text = render(facts, u.settings()).getBytes(StandardCharsets.ISO_8859_1);
            try {
                switch (u.url().type()) {
                    case STDOUT -> write(stdout, text);
                    case STDERR -> write(stderr, text);
                    case FILE -> writeFile(Path.of(u.url().value()), text, u.settings().append());
                    default -> problems.add("report_url '" + u.url() + "': URL type '" + u.url().type().scheme()
                            + "' is not supported; report not written");
                }
            } catch (IOException e) {
                problems.add("cannot write report to '" + u.url() + "': " + e.getMessage());
            }
        }
        return problems;
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

    private static void write(OutputStream out, byte[] text) throws IOException {
        out.write(text);
        out.flush();
    }

    private static void writeFile(Path file, byte[] text, boolean append) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, text, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }
}
