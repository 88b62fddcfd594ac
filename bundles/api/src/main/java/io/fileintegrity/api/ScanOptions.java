package io.fileintegrity.api;

import java.util.Map;

/**
 * How a scan may use the machine.
 *
 * @param threads worker threads for reading and hashing, at least 1
 * @param ioBytesPerSecond cap on bytes read per second; 0 for no cap
 * @param maxChangesInResult how many changes {@link ScanResult#changes()} keeps (all go to the sink)
 * @param parameters provider-specific options by name (e.g. {@code aide.hash.provider=jdk}); unknown
 *     names are ignored by providers that do not know them
 */
public record ScanOptions(int threads, long ioBytesPerSecond, int maxChangesInResult, Map<String, String> parameters) {

    /** Two threads, no I/O cap, 1000 changes kept, no parameters. */
    public static final ScanOptions DEFAULTS = new ScanOptions(2, 0, 1000, Map.of());

    public ScanOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (ioBytesPerSecond < 0) {
            throw new IllegalArgumentException("ioBytesPerSecond must be >= 0: " + ioBytesPerSecond);
        }
        if (maxChangesInResult < 0) {
            throw new IllegalArgumentException("maxChangesInResult must be >= 0: " + maxChangesInResult);
        }
        parameters = Map.copyOf(parameters);
    }

    /** A provider-specific parameter, or the fallback when it is not set. */
    public String parameter(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }
}
