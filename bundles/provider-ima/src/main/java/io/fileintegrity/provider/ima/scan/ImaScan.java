package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanProgress;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import io.fileintegrity.provider.ima.log.MeasurementListException;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.pcr.PcrReadException;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.pcr.TpmPcrReader;
import io.fileintegrity.provider.ima.policy.AllowlistParser;
import io.fileintegrity.provider.ima.policy.PolicyJudge;
import io.fileintegrity.provider.ima.policy.PolicyParseResult;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import io.fileintegrity.provider.ima.state.Checkpoint;
import io.fileintegrity.provider.ima.state.CheckpointException;
import io.fileintegrity.provider.ima.state.CheckpointStore;
import io.fileintegrity.provider.ima.verify.ListVerifier;
import io.fileintegrity.provider.ima.verify.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * One initialize or check of the {@code ima} provider: reads PCR 10 from the TPM, then the list
 * (only the new entries when the checkpoint allows), verifies it, writes the new checkpoint and builds
 * the result. Initialize reads the whole list and starts a fresh checkpoint (accepting what it found);
 * check carries earlier findings forward until the next initialize, as AIDE keeps reporting a change
 * until the database is re-initialized.
 */
public final class ImaScan {

    /** The provider's name. */
    public static final String PROVIDER = "ima";

    private final ScanMode mode;
    private final ScanContext context;
    private final Instant started = Instant.now();

    public ImaScan(ScanMode mode, ScanContext context) {
        this.mode = mode;
        this.context = context;
    }

    /** Runs the scan; every failure becomes an ERRORED result naming the file and problem. */
    public ScanResult run() {
        try {
            return execute();
        } catch (MeasurementListException e) {
            return errored("unreadable measurement list: " + e.getMessage());
        } catch (PcrReadException | CheckpointException | IllegalArgumentException e) {
            return errored(e.getMessage());
        } catch (IOException e) {
            return errored("I/O error: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return errored("policy verification-keys: " + e.getMessage());
        } catch (CancellationException e) {
            return errored("cancelled (" + e.getMessage() + "); the checkpoint was left as it was");
        }
    }

    private ScanResult execute() throws MeasurementListException, PcrReadException, CheckpointException,
            IOException, GeneralSecurityException {
        ScanSettings settings = ScanSettings.of(context);
        String policyText = context.config().text();
        PolicyParseResult policy = policyText.isBlank() ? null : AllowlistParser.parseAny(context.config().source(), policyText);
        if (policy != null && !policy.problems().isEmpty()) {
            return errored("invalid policy: " + policy.problems().stream().map(ConfigProblem::toString)
                    .collect(Collectors.joining("; ")));
        }
        ListSource located = locate(settings);
        String listPath = "/" + context.hostRoot().relativize(located.file());
        ListSource source = located.named(listPath);
        // PCR 10 first: the kernel appends to the list before extending, so the list read next holds at least as much
        Optional<PcrValues> tpm = settings.tpm().isPresent() ? TpmPcrReader.read(settings.tpm().get()) : Optional.empty();
        String bootId = bootId();
        String policyHash = Hex.encode(Digests.digest(HashAlgorithm.SHA256, policyText.getBytes(StandardCharsets.UTF_8)));
        CheckpointStore store = new CheckpointStore(context.stateDirectory());
        StartPoint start = mode == ScanMode.INITIALIZE ? StartPoint.fromTheStart("")
                : StartPlanner.plan(store.read(), source, listPath, bootId, policyHash);
        ResultAssembler result = new ResultAssembler(mode, context, started);
        start.carried().forEach(result::accept);
        VerificationReport report = verify(source, start, policy, tpm.orElse(PcrValues.none()), settings, result);
        String prefix = PrefixHash.of(source.file(), report.position()).orElseThrow(
                () -> new IOException(source.file() + ": shrank while it was read"));
        store.write(new Checkpoint(bootId, listPath, report.lastEntry(), report.position(), prefix, policyHash,
                report.runningValues(), result.carriedForward(), result.findingsToCarry()));
        return result.build(report, start, describePolicy(policy), tpm.map(PcrValues::source).orElse(
                settings.tpm().map(p -> "none at " + p + ": PCR 10 not compared").orElse("not read (ima.tpm=none)")));
    }

    private VerificationReport verify(ListSource source, StartPoint start, PolicyParseResult policy, PcrValues tpm,
            ScanSettings settings, ResultAssembler result)
            throws MeasurementListException, IOException, GeneralSecurityException {
        Optional<PolicyJudge> judge = policy == null ? Optional.empty()
                : Optional.of(new PolicyJudge(policy.policy().orElseThrow(), new SignatureKeys()));
        try (MeasurementReader reader = source.reader(PrefixHash.after(source.file(), start.position()),
                start.entries() + 1, start.position())) {
            return new ListVerifier(judge, tpm, settings.failOnViolations(), context.options().threads() > 1)
                    .verify(reader, start.runningValues(), start.entries(), result::accept,
                            context.cancellation()::isCancelled, throttledProgress(start));
        }
    }

    /** Progress to the context at most four times a second; the list's length is not known ahead. */
    private ListVerifier.ProgressCallback throttledProgress(StartPoint start) {
        long[] last = {System.nanoTime()};
        return (entry, position) -> {
            long now = System.nanoTime();
            if (now - last[0] >= 250_000_000L) {
                last[0] = now;
                context.progress().progress(new ScanProgress(entry - start.entries(), position - start.position(), -1, -1));
            }
        };
    }

    private String describePolicy(PolicyParseResult policy) {
        if (policy == null) {
            return "none (template hashes and PCR 10 only)";
        }
        var p = policy.policy().orElseThrow();
        return (AllowlistParser.isJson(context.config().text()) ? "runtime policy " : "allowlist ")
                + context.config().source() + ", " + p.digests().size() + " names, "
                + (p.excludes().isPresent() ? "with" : "no") + " excludes";
    }

    private ListSource locate(ScanSettings settings) throws IOException {
        if (settings.list().isPresent()) {
            Path list = settings.list().get();
            if (!Files.isRegularFile(list)) {
                throw new IOException(list + ": no such measurement list");
            }
            return ListSource.of(list, settings.forceBinary());
        }
        return ListSource.find(context.hostRoot()).orElseThrow(() -> new IOException("no IMA measurement list under "
                + context.hostRoot().resolve("sys/kernel/security") + " (is IMA enabled and securityfs mounted?)"));
    }

    private String bootId() {
        Path file = context.hostRoot().resolve("proc/sys/kernel/random/boot_id");
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private ScanResult errored(String message) {
        return ScanResult.builder(PROVIDER, mode).started(started).errored(message).finishedNow().build();
    }
}
