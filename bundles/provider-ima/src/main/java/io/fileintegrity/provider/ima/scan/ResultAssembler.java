package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.provider.ima.pcr.BankResult;
import io.fileintegrity.provider.ima.state.CheckpointStore;
import io.fileintegrity.provider.ima.verify.Finding;
import io.fileintegrity.provider.ima.verify.Reason;
import io.fileintegrity.provider.ima.verify.ReportRenderer;
import io.fileintegrity.provider.ima.verify.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one scan as SPI changes (streamed to the context's sink, the first ones kept)
 * and builds the {@link ScanResult}. In a check, entry findings are also kept to carry into the next
 * checkpoint; the PCR comparison is redone every time, so it is not carried.
 */
final class ResultAssembler {

    private final ScanMode mode;
    private final ScanContext context;
    private final Instant started;
    private final List<FileChange> changes = new ArrayList<>();
    private final List<Finding> toCarry = new ArrayList<>();
    private ChangeCounts counts = ChangeCounts.NONE;
    private long carryCount;

    ResultAssembler(ScanMode mode, ScanContext context, Instant started) {
        this.mode = mode;
        this.context = context;
        this.started = started;
    }

    void accept(Finding finding) {
        FileChange change = finding.toChange();
        counts = counts.plus(change.kind());
        if (changes.size() < context.options().maxChangesInResult()) {
            changes.add(change);
        }
        context.changes().accept(change);
        if (mode == ScanMode.CHECK && finding.reason() != Reason.PCR_MISMATCH) {
            carryCount++;
            if (toCarry.size() < CheckpointStore.KEPT_FINDINGS) {
                toCarry.add(finding);
            }
        }
    }

    long carriedForward() {
        return carryCount;
    }

    List<Finding> findingsToCarry() {
        return toCarry;
    }

    ScanResult build(VerificationReport report, StartPoint start, String policy, String tpm) {
        ReportRenderer renderer = new ReportRenderer(report).line("Policy", policy).line("TPM", tpm)
                .carried(start.carriedCount(), start.carried());
        if (!start.restart().isEmpty()) {
            renderer.line("Checked from the start", start.restart());
        }
        ScanResult.Builder result = ScanResult.builder(ImaScan.PROVIDER, mode).started(started)
                .outcome(counts.total() > 0 ? Outcome.FAILED : Outcome.SUCCEEDED)
                .counts(counts)
                .changes(changes, counts.total() > changes.size())
                .report(renderer.render())
                .detail("ima.list", report.source())
                .detail("ima.entries", Long.toString(report.lastEntry()))
                .detail("ima.checkedFrom", Long.toString(report.firstEntry()))
                .detail("ima.violations", Long.toString(report.violations()))
                .detail("ima.policy", policy)
                .detail("ima.tpm", tpm)
                .statistics(new ScanStatistics(report.entriesChecked(), report.position() - start.position(), Map.of(), 0));
        if (!start.restart().isEmpty()) {
            result.detail("ima.restart", start.restart());
        }
        if (!report.bootAggregate().isEmpty()) {
            result.detail("ima.bootAggregate", report.bootAggregate());
            result.detail("ima.bootAggregateCheck", report.bootAggregateCheck());
        }
        for (BankResult bank : report.banks()) {
            result.detail("ima.pcr10." + bank.bank(), bank.matched()
                    ? "matched after entry " + bank.matchedAtEntry() + " (" + bank.matchedMode().description() + ")"
                    : "mismatch");
        }
        return result.finishedNow().build();
    }
}
