package io.fileintegrity.provider.ima.verify;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.log.MeasurementListException;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.pcr.BankResult;
import io.fileintegrity.provider.ima.pcr.EntryDigester;
import io.fileintegrity.provider.ima.pcr.PcrReplay;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.policy.PolicyJudge;
import io.fileintegrity.provider.ima.policy.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One pass over a measurement list: per entry the template hash, the PCR index and the policy verdict;
 * over the list the PCR 10 replay in every bank. Findings stream to a sink as they are found; the
 * report keeps the first {@link #KEPT_FINDINGS}. One instance serves one pass over one list, on one
 * thread (it counts as it goes).
 */
public final class ListVerifier {

    /** Findings kept in the report; all are counted and streamed. */
    public static final int KEPT_FINDINGS = 1000;

    private final Optional<PolicyJudge> judge;
    private final PcrValues tpm;
    private final boolean failOnViolations;
    private final boolean parallel;
    private final EntryDigester digester = new EntryDigester();
    private final Map<Reason, Long> counts = new EnumMap<>(Reason.class);
    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, Long> templates = new TreeMap<>();
    private Consumer<Finding> sink = f -> { };
    private long firstTemplateHashFailure = -1;
    private ProgressCallback progress = (entry, position) -> { };

    /**
     * @param judge the policy to apply, or empty to check only template hashes and PCRs
     * @param tpm PCR 10 from the TPM, possibly none
     * @param failOnViolations whether violation entries are findings
     */
    public ListVerifier(Optional<PolicyJudge> judge, PcrValues tpm, boolean failOnViolations) {
        this(judge, tpm, failOnViolations, false);
    }

    /** @param parallel whether the SHA-384/512 banks may be replayed on a second thread */
    public ListVerifier(Optional<PolicyJudge> judge, PcrValues tpm, boolean failOnViolations, boolean parallel) {
        this.judge = judge;
        this.tpm = tpm;
        this.failOnViolations = failOnViolations;
        this.parallel = parallel;
    }

    /**
     * Reads the rest of the list and checks it.
     *
     * @param start running PCR values after the entries before the reader's position (empty at the start)
     * @param startEntry the number of the last entry before the reader's position (0 at the start)
     * @throws CancellationException when {@code cancelled} turns true
     */
    public VerificationReport verify(MeasurementReader reader, Map<String, byte[]> start, long startEntry,
            Consumer<Finding> findings, BooleanSupplier cancelled) throws MeasurementListException, IOException {
        return verify(reader, start, startEntry, findings, cancelled, (entry, position) -> { });
    }

    /** As above, telling {@code progress} the entry number and byte position every 1024 entries. */
    public VerificationReport verify(MeasurementReader reader, Map<String, byte[]> start, long startEntry,
            Consumer<Finding> findings, BooleanSupplier cancelled, ProgressCallback progress)
            throws MeasurementListException, IOException {
        this.sink = findings;
        this.progress = progress;
        try (PcrReplay replay = new PcrReplay(tpm, start, startEntry, parallel)) {
            return verify(reader, replay, startEntry, cancelled);
        }
    }

    private VerificationReport verify(MeasurementReader reader, PcrReplay replay, long startEntry,
            BooleanSupplier cancelled) throws MeasurementListException, IOException {
        long last = startEntry;
        long violations = 0;
        String bootAggregate = "";
        String bootCheck = "";
        for (ImaEntry entry = reader.next(); entry != null; entry = reader.next()) {
            if ((entry.number() & 1023) == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled at entry " + entry.number());
                }
                progress.at(entry.number(), reader.position());
            }
            last = entry.number();
            templates.merge(entry.templateName(), 1L, Long::sum);
            digester.reset(entry);
            violations += checkEntry(entry, replay) ? 1 : 0;
            if (entry.number() == 1 && ImaEntry.BOOT_AGGREGATE.equals(entry.name()) && !entry.isViolation()) {
                bootAggregate = entry.digestAlgorithm() + ":" + entry.fileDigestHex();
                bootCheck = tpm.isEmpty() ? "not checked (no TPM)" : checkBootAggregate(entry);
            }
        }
        List<BankResult> banks = replay.results();
        banks.stream().filter(b -> !b.matched()).forEach(b -> record(new Finding(0, reader.source(),
                Reason.PCR_MISMATCH, "pcr10-" + b.bank(), Hex.encode(b.tpmValue()), Hex.encode(b.replayValue()),
                divergence())));
        return new VerificationReport(reader.source(), startEntry + 1, last, reader.position(), violations, counts,
                kept, banks, replay.runningValues(), templates, judge.isPresent(), bootAggregate, bootCheck);
    }

    /** Checks one entry; returns whether it is a violation. */
    private boolean checkEntry(ImaEntry entry, PcrReplay replay) {
        boolean violation = entry.isViolation();
        if (!violation) {
            checkTemplateHash(entry);
        }
        if (entry.pcr() != PcrReplay.IMA_PCR) {
            record(entryFinding(entry, Reason.PCR_INDEX, "pcr", "10", Integer.toString(entry.pcr()), ""));
        } else {
            replay.extend(entry, digester);
        }
        if (violation) {
            if (failOnViolations) {
                record(entryFinding(entry, Reason.VIOLATION, "", "", "", "measurement violation (ToMToU or open writers)"));
            }
        } else if (judge.isPresent()) {
            judgeEntry(entry, judge.get().judge(entry));
        }
        return violation;
    }

    private String checkBootAggregate(ImaEntry entry) {
        BootAggregateCheck check = BootAggregateCheck.of(entry, tpm);
        check.finding().ifPresent(this::record);
        return check.status();
    }

    private void checkTemplateHash(ImaEntry entry) {
        HashAlgorithm algorithm = HashAlgorithm.forTemplateHashSize(entry.templateHash().length).orElseThrow();
        byte[] computed = digester.hash(algorithm);
        if (!Arrays.equals(computed, entry.templateHash())) {
            if (firstTemplateHashFailure < 0) {
                firstTemplateHashFailure = entry.number();
            }
            record(entryFinding(entry, Reason.TEMPLATE_HASH, "template-hash", Hex.encode(computed),
                    Hex.encode(entry.templateHash()), ""));
        }
    }

    private void judgeEntry(ImaEntry entry, Verdict verdict) {
        String found = entry.digestAlgorithm() + ":" + entry.fileDigestHex();
        switch (verdict.judgement()) {
            case NOT_IN_POLICY -> record(entryFinding(entry, Reason.NOT_IN_POLICY, "ima-digest", "", found, ""));
            case DIGEST_MISMATCH -> record(entryFinding(entry, Reason.DIGEST_MISMATCH, "ima-digest",
                    String.join(",", verdict.expected()), found, ""));
            case INVALID_SIGNATURE -> record(entryFinding(entry, Reason.INVALID_SIGNATURE, "ima-signature", "",
                    Hex.encode(entry.signature()).substring(0, Math.min(18, 2 * entry.signature().length)),
                    verdict.detail()));
            case INVALID_KEY -> record(entryFinding(entry, Reason.INVALID_KEY, "", "", "", verdict.detail()));
            default -> {
                // accepted
            }
        }
    }

    private String divergence() {
        return firstTemplateHashFailure > 0
                ? "the first entry whose template hash does not verify is " + firstTemplateHashFailure
                : "every template hash verifies: entries were removed, reordered or added without extending";
    }

    private static Finding entryFinding(ImaEntry entry, Reason reason, String attribute, String expected,
            String found, String detail) {
        return new Finding(entry.number(), entry.name(), reason, attribute, expected, found, detail);
    }

    private void record(Finding finding) {
        counts.merge(finding.reason(), 1L, Long::sum);
        if (kept.size() < KEPT_FINDINGS) {
            kept.add(finding);
        }
        sink.accept(finding);
    }

    /** Receives how far a verification got. */
    @FunctionalInterface
    public interface ProgressCallback {
        /** Called with the last entry read and the byte position after it. */
        void at(long entry, long position);
    }
}
