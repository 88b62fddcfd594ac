package io.fileintegrity.provider.ima.verify;

import io.fileintegrity.provider.ima.pcr.BankResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a verification as the readable text report of the provider and the CLI. */
public final class ReportRenderer {

    private final VerificationReport report;
    private final List<String> context = new ArrayList<>();
    private final List<Finding> carried = new ArrayList<>();
    private long carriedCount;

    public ReportRenderer(VerificationReport report) {
        this.report = report;
    }

    /** Adds a {@code label: text} line above the PCR results (policy, TPM, restart reason...). */
    public ReportRenderer line(String label, String text) {
        context.add(label + ": " + text);
        return this;
    }

    /** Findings of earlier checks that still stand, listed before the new ones. */
    public ReportRenderer carried(long count, List<Finding> findings) {
        this.carriedCount = count;
        this.carried.addAll(findings);
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("IMA measurement list: ").append(report.source()).append('\n');
        out.append("Entries: ").append(report.lastEntry());
        out.append(report.entriesChecked() > 0
                ? " (checked " + report.firstEntry() + ".." + report.lastEntry() + ")"
                : " (no new entries)").append('\n');
        if (!report.templates().isEmpty()) {
            out.append("Templates: ").append(report.templates().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("Violations: ").append(report.violations()).append('\n');
        if (!report.bootAggregate().isEmpty()) {
            out.append("boot_aggregate: ").append(report.bootAggregate())
                    .append(report.bootAggregateCheck().isEmpty() ? "" : " (" + report.bootAggregateCheck() + ")").append('\n');
        }
        context.forEach(line -> out.append(line).append('\n'));
        for (BankResult bank : report.banks()) {
            out.append(bank.describe()).append('\n');
        }
        findings(out);
        return out.toString();
    }

    private void findings(StringBuilder out) {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        counts.putAll(report.counts());
        carried.forEach(f -> counts.merge(f.reason(), 0L, Long::sum));
        long total = report.findingCount() + carriedCount;
        out.append("Findings: ").append(total);
        if (total > 0) {
            out.append(" (").append(counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().keylimeName() + " " + e.getValue()).collect(Collectors.joining(", ")));
            out.append(carriedCount > 0 ? (counts.values().stream().anyMatch(v -> v > 0) ? ", " : "")
                    + carriedCount + " from earlier checks" : "").append(')');
        }
        out.append('\n');
        List<Finding> shown = new ArrayList<>(carried);
        shown.addAll(report.findings());
        shown.forEach(f -> out.append("  ").append(f.describe()).append('\n'));
        if (total > shown.size()) {
            out.append("  ... and ").append(total - shown.size()).append(" more\n");
        }
    }
}
