package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.api.ScanStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work figures and warnings of one scan, updated from all scan threads. Keeps the first
 * {@value #MAX_WARNINGS} warnings and counts the rest.
 */
public final class ScanCounters {
    static final int MAX_WARNINGS = 1000;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong bytesHashed = new AtomicLong();
    private final AtomicLong droppedFromCache = new AtomicLong();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long warningsLeftOut;

    void entry() {
        entries.incrementAndGet();
    }

    void hashed(long bytes) {
        bytesHashed.addAndGet(bytes);
    }

    void droppedFromCache(long bytes) {
        droppedFromCache.addAndGet(bytes);
    }

    /** Records an entry that could not be (fully) examined, with a short fixed reason and a message. */
    synchronized void skipped(String reason, String message) {
        skipped.merge(reason, 1L, Long::sum);
        warn(message);
    }

    public synchronized void warn(String message) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(message);
        } else {
            warningsLeftOut++;
        }
    }

    public long entries() {
        return entries.get();
    }

    public long bytesHashed() {
        return bytesHashed.get();
    }

    /** The warnings so far, plus a line saying how many were left out. */
    public synchronized List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (warningsLeftOut > 0) {
            all.add(warningsLeftOut + " more warnings were left out");
        }
        return all;
    }

    public synchronized ScanStatistics statistics() {
        return new ScanStatistics(entries.get(), bytesHashed.get(), Map.copyOf(skipped), droppedFromCache.get());
    }
}
