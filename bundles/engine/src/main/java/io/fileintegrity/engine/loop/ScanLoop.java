package io.fileintegrity.engine.loop;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProgressListener;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.UnknownProviderException;
import io.fileintegrity.api.monitor.TargetState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The provider-independent scan loop of one target, as single steps: {@link #step()} runs at most one
 * scan and says how long to wait before the next step. The thread that drives it ({@link LoopRunner})
 * does the waiting, so this class is tested with a fixed clock and no sleeping.
 *
 * <p>Rules: the first scan of a target that was never initialised builds the baseline; every later scan
 * checks. A baseline that disappears is reported by the provider's check as an error, never silently
 * rebuilt; only {@link #requestReinitialize()} rebuilds it. Anything that goes wrong in a scan, including a
 * provider that throws, becomes an ERRORED result and the loop goes on.
 */
public final class ScanLoop {

    private final ProviderRegistry registry;
    private volatile TargetSettings settings;
    private volatile TargetRecords records;
    private final Consumer<ScanResult> onResult;
    private final Clock clock;
    private final Cancellation cancellation;
    private final Instant firstScanAt;

    private volatile boolean reinitRequested;
    private volatile boolean checkRequested;
    private volatile TargetState state = TargetState.PENDING;
    private volatile ProgressListener progress = ProgressListener.NONE;

    public ScanLoop(TargetSettings settings, ProviderRegistry registry, TargetRecords records,
            Consumer<ScanResult> onResult, Clock clock, Cancellation cancellation) {
        this.settings = settings;
        this.registry = registry;
        this.records = records;
        this.onResult = onResult;
        this.clock = clock;
        this.cancellation = cancellation;
        this.firstScanAt = clock.instant().plus(settings.initialDelay());
    }

    /** Runs one scan if one is due and returns how long to wait before the next step. */
    public Duration step() {
        Instant now = clock.instant();
        if (now.isBefore(firstScanAt) && !hasRequest()) {
            return Duration.between(now, firstScanAt);
        }
        if (settings.paused()) {
            state = TargetState.PENDING;
            return settings.interval();
        }
        boolean reinit = reinitRequested && records.initialized();
        ScanMode mode = reinitRequested || !records.initialized() ? ScanMode.INITIALIZE : ScanMode.CHECK;
        reinitRequested = false;
        checkRequested = false;
        ScanResult result = reinit ? backUpThenScan(mode) : scan(mode);
        if (mode == ScanMode.INITIALIZE && result.outcome() != Outcome.ERRORED) {
            records.markInitialized(result.started());
        }
        state = result.outcome() == Outcome.ERRORED ? TargetState.ERROR : TargetState.ACTIVE;
        records.add(result);
        onResult.accept(result);
        return checkRequested || reinitRequested ? Duration.ZERO : settings.interval();
    }

    /**
     * A re-initialisation first backs up the baseline the provider named last (result detail
     * {@value BaselineFacts#DETAIL}), as FIO does; a failed backup stops the re-init rather than risk the
     * only copy.
     */
    private ScanResult backUpThenScan(ScanMode mode) {
        Path baseline = records.baselinePath().orElse(null);
        if (baseline != null) {
            try {
                BaselineBackups.backUp(baseline, settings.maxBackups(), clock.instant());
            } catch (IOException | RuntimeException e) {
                return ScanResult.errored(settings.provider(), mode,
                        "re-initialisation stopped: cannot back up the baseline " + baseline + ": " + e);
            }
        }
        return scan(mode);
    }

    private ScanResult scan(ScanMode mode) {
        state = mode == ScanMode.INITIALIZE ? TargetState.INITIALIZING : TargetState.CHECKING;
        try {
            IntegrityProvider provider = registry.require(settings.provider());
            ProviderConfig config = readConfig();
            List<ConfigProblem> problems = provider.validate(config);
            if (!problems.isEmpty()) {
                return ScanResult.errored(settings.provider(), mode, "invalid configuration: "
                        + problems.stream().limit(20).map(ConfigProblem::toString).collect(Collectors.joining("; ")));
            }
            ScanContext context = context(config);
            ScanResult result = mode == ScanMode.INITIALIZE ? provider.initialize(context) : provider.check(context);
            return result == null ? ScanResult.errored(settings.provider(), mode, "the provider returned no result")
                    : result;
        } catch (UnknownProviderException e) {
            return ScanResult.errored(settings.provider(), mode, e.getMessage());
        } catch (IOException e) {
            return ScanResult.errored(settings.provider(), mode,
                    "cannot read configuration " + settings.configFile() + ": " + e);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return ScanResult.errored(settings.provider(), mode, "the provider failed: " + e);
        } catch (OutOfMemoryError e) {
            // the scan's objects are unreachable once it unwinds; the next scan gets the heap back
            return ScanResult.errored(settings.provider(), mode, "the provider ran out of memory with a "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap (" + e.getMessage()
                    + "); give the process more memory (the pod's memory limit, or -Xmx in FIO_JAVA_OPTS)");
        } finally {
            records.closeChangeFile();
        }
    }

    private ProviderConfig readConfig() throws IOException {
        String text = Files.readString(settings.configFile(), StandardCharsets.UTF_8);
        return new ProviderConfig(settings.configSource(), text);
    }

    private ScanContext context(ProviderConfig config) throws IOException {
        Files.createDirectories(settings.stateDirectory());
        Map<String, String> parameters = new HashMap<>(settings.parameters());
        parameters.put("fio.maxBackups", Integer.toString(settings.maxBackups()));
        ScanOptions options = new ScanOptions(settings.threads(), settings.ioBytesPerSecond(), 1000, parameters);
        return new ScanContext(settings.hostRoot(), config, settings.stateDirectory(), options, progress,
                records.openChangeFile(), CpuPacer.of(settings.maxCpuPercent(), cancellation));
    }

    /**
     * Takes new settings without restarting: a scan in progress finishes with the old ones, the next step
     * uses the new ones (a holdoff pauses the loop this way without losing its history).
     */
    public void reconfigure(TargetSettings newSettings, TargetRecords newRecords) {
        this.settings = newSettings;
        this.records = newRecords;
    }

    /**
     * Rebuild the baseline at the next step, which is due now; for a target that was never initialised the first
     * scan builds it anyway, so the request changes nothing and the initial delay still applies.
     */
    public void requestReinitialize() {
        reinitRequested = true;
    }

    /** Check at the next step, which is due now. */
    public void requestCheck() {
        checkRequested = true;
    }

    /** Whether a request made the next step due now. */
    public boolean hasRequest() {
        return checkRequested || reinitRequested && records.initialized();
    }

    public TargetState state() {
        return state;
    }

    public void progressListener(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
    }
}
