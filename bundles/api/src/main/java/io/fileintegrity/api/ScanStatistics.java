package io.fileintegrity.api;

import java.util.Map;
import java.util.Objects;

/**
 * Work figures of one scan, for metrics and reports.
 *
 * @param filesScanned entries examined (files, directories, links)
 * @param bytesHashed bytes read to compute digests
 * @param skippedByReason entries not examined, by a short fixed reason such as {@code permission},
 *     {@code vanished}, {@code special-file} (a bounded set: reasons are metric label values)
 * @param pageCacheDroppedBytes bytes the scan read and then released from the page cache
 */
public record ScanStatistics(
        long filesScanned, long bytesHashed, Map<String, Long> skippedByReason, long pageCacheDroppedBytes) {

    /** No work recorded. */
    public static final ScanStatistics NONE = new ScanStatistics(0, 0, Map.of(), 0);

    public ScanStatistics {
        skippedByReason = Map.copyOf(Objects.requireNonNull(skippedByReason, "skippedByReason"));
    }

    /** Total entries skipped, whatever the reason. */
    public long filesSkipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
