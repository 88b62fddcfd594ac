package io.fileintegrity.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one {@link IntegrityProvider#initialize} or {@link IntegrityProvider#check}.
 *
 * <p>{@link #changes()} holds at most {@link ScanOptions#maxChangesInResult()} changes, in the order
 * the provider found them; every change was also streamed to the context's {@link ChangeSink}.
 * {@link #changesTruncated()} tells whether some were left out here. {@link #counts()} always counts
 * all of them.
 *
 * @param provider the provider's name
 * @param mode initialize or check
 * @param outcome succeeded, failed or errored
 * @param counts added, changed and removed files (all of them)
 * @param changes the first changes, see above
 * @param changesTruncated whether {@code changes} is shorter than {@code counts.total()}
 * @param report the provider's native report text (for {@code aide}, AIDE's own report format)
 * @param started when the scan started
 * @param duration how long it took
 * @param errorMessage why the scan errored; empty unless {@code outcome} is {@link Outcome#ERRORED}
 * @param details provider-specific facts worth showing (e.g. {@code ostree.commit}), in order
 * @param statistics work figures
 */
public record ScanResult(
        String provider,
        ScanMode mode,
        Outcome outcome,
        ChangeCounts counts,
        List<FileChange> changes,
        boolean changesTruncated,
        String report,
        Instant started,
        Duration duration,
        String errorMessage,
        Map<String, String> details,
        ScanStatistics statistics) {

    public ScanResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(counts, "counts");
        changes = List.copyOf(changes);
        report = report == null ? "" : report;
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        errorMessage = errorMessage == null ? "" : errorMessage;
        details = Map.copyOf(details);
        Objects.requireNonNull(statistics, "statistics");
        if (outcome == Outcome.ERRORED && errorMessage.isEmpty()) {
            throw new IllegalArgumentException("an ERRORED result needs an error message");
        }
    }

    /** An errored result with a message, started now and taking no time. */
    public static ScanResult errored(String provider, ScanMode mode, String message) {
        return builder(provider, mode).errored(message).build();
    }

    /** A builder for a result of the given provider and mode, started now. */
    public static Builder builder(String provider, ScanMode mode) {
        return new Builder(provider, mode);
    }

    /** Builds {@link ScanResult}s; not thread-safe. */
    public static final class Builder {
        private final String provider;
        private final ScanMode mode;
        private Outcome outcome = Outcome.SUCCEEDED;
        private ChangeCounts counts = ChangeCounts.NONE;
        private final List<FileChange> changes = new ArrayList<>();
        private boolean changesTruncated;
        private String report = "";
        private Instant started = Instant.now();
        private Duration duration = Duration.ZERO;
        private String errorMessage = "";
        private final Map<String, String> details = new LinkedHashMap<>();
        private ScanStatistics statistics = ScanStatistics.NONE;

        private Builder(String provider, ScanMode mode) {
            this.provider = provider;
            this.mode = mode;
        }

        public Builder outcome(Outcome value) {
            this.outcome = value;
            return this;
        }

        /** Sets outcome ERRORED and the message. */
        public Builder errored(String message) {
            this.outcome = Outcome.ERRORED;
            this.errorMessage = message;
            return this;
        }

        public Builder counts(ChangeCounts value) {
            this.counts = value;
            return this;
        }

        public Builder changes(List<FileChange> value, boolean truncated) {
            this.changes.clear();
            this.changes.addAll(value);
            this.changesTruncated = truncated;
            return this;
        }

        public Builder report(String value) {
            this.report = value;
            return this;
        }

        public Builder started(Instant value) {
            this.started = value;
            return this;
        }

        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        /** Sets the duration from {@code started} to now. */
        public Builder finishedNow() {
            this.duration = Duration.between(started, Instant.now());
            return this;
        }

        public Builder detail(String key, String value) {
            this.details.put(key, value);
            return this;
        }

        public Builder statistics(ScanStatistics value) {
            this.statistics = value;
            return this;
        }

        public ScanResult build() {
            return new ScanResult(provider, mode, outcome, counts, changes, changesTruncated, report, started,
                    duration, errorMessage, details, statistics);
        }
    }
}
