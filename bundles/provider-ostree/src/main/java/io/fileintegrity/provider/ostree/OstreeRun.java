package io.fileintegrity.provider.ostree;

import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.provider.ostree.config.OstreeConfig;
import io.fileintegrity.provider.ostree.repo.ReadThrottle;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import io.fileintegrity.provider.ostree.verify.EtcPolicy;
import io.fileintegrity.provider.ostree.verify.Rotation;
import io.fileintegrity.provider.ostree.verify.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** One verification turned into a {@link ScanResult}: shared by the provider and {@code fio ostree verify}. */
public final class OstreeRun {

    public static final String PROVIDER = "ostree";

    private OstreeRun() {}

    /** Verifies the target the configuration names under the context's host root; never throws for bad input. */
    public static ScanResult execute(ScanMode mode, ScanContext context, OstreeConfig config, XattrReader xattrs) {
        return execute(mode, context, config, xattrs, false);
    }

    /**
     * As {@link #execute(ScanMode, ScanContext, OstreeConfig, XattrReader)}; with {@code keepRotation} the
     * configuration's {@code rotate} is applied with a run counter in the context's state directory.
     */
    static ScanResult execute(ScanMode mode, ScanContext context, OstreeConfig config, XattrReader xattrs,
            boolean keepRotation) {
        Instant started = Instant.now();
        ScanResult.Builder result = ScanResult.builder(PROVIDER, mode).started(started);
        try {
            ResolvedTarget target = ResolvedTarget.resolve(context.hostRoot(), config, xattrs);
            Rotation rotation = keepRotation && config.rotate() > 1
                    ? RotationCounter.next(context.stateDirectory(), config.rotate()) : Rotation.OFF;
            return execute(result, context, config, target, xattrs, rotation);
        } catch (IOException | UncheckedIOException e) {
            return result.errored(e.getMessage()).finishedNow().build();
        } catch (CancellationException e) {
            return result.errored("cancelled").finishedNow().build();
        } catch (RuntimeException e) {
            return result.errored("internal error: " + e).finishedNow().build();
        }
    }

    /** Verifies an already resolved target. */
    private static ScanResult execute(ScanResult.Builder result, ScanContext context, OstreeConfig config,
            ResolvedTarget target, XattrReader xattrs, Rotation rotation) throws IOException {
        ChangeTally tally = new ChangeTally(context.changes(), context.options().maxChangesInResult());
        Verification verification = new Verification(xattrs, config.policy(), context.options().threads(),
                context.cancellation(), context.progress(), new ReadThrottle(context.options().ioBytesPerSecond()), rotation);
        Verification.Summary summary = verification.run(target.target(), tally);
        result.outcome(tally.counts().total() == 0 ? Outcome.SUCCEEDED : Outcome.FAILED)
                .counts(tally.counts())
                .changes(tally.kept(), tally.truncated())
                .report(OstreeReport.render(target, summary, tally, xattrs.describe()))
                .statistics(new ScanStatistics(summary.entries(), summary.bytesHashed(),
                        summary.ignored() == 0 ? Map.of() : Map.of("ignored", summary.ignored()), 0));
        result.detail("ostree.commit", target.target().commit().hex());
        target.ref().or(() -> summary.commit().refBindings().stream().findFirst())
                .ifPresent(ref -> result.detail("ostree.ref", ref));
        summary.commit().stringMetadata("version").ifPresent(v -> result.detail("ostree.version", v));
        result.detail("ostree.tree", target.shownTree());
        target.deployment().ifPresent(d -> result.detail("ostree.deployment.foundBy", d.foundBy()));
        result.detail("ostree.repo.mode", summary.repository().mode().configName());
        result.detail("ostree.xattrs", xattrs.describe());
        result.detail("ostree.etc", config.policy().etc().word());
        if (rotation.period() > 1) {
            result.detail("ostree.rotation", rotation.run() % rotation.period() + 1 + "/" + rotation.period());
            result.detail("ostree.deferred", Long.toString(summary.deferred()));
        }
        if (config.policy().etc() == EtcPolicy.INFO) {
            result.detail("ostree.etc.differences", Integer.toString(summary.etcNotes().size()));
        }
        return result.finishedNow().build();
    }
}
