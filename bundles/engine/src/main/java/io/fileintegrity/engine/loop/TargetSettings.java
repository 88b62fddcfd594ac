package io.fileintegrity.engine.loop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one scan loop watches and how often, from its factory configuration.
 *
 * @param id stable target id ({@code local}, {@code ns/fi/node})
 * @param displayName a name for people
 * @param provider the integrity provider's name
 * @param hostRoot where the host's {@code /} is
 * @param configFile the file holding the provider's configuration text (re-read before every scan)
 * @param configSource the name used for the configuration in messages
 * @param stateDirectory where the provider keeps its baseline and the loop its records
 * @param interval time between the end of one scan and the start of the next
 * @param initialDelay wait before the first scan
 * @param maxBackups baselines kept as backups on re-initialisation (passed to the provider)
 * @param threads worker threads per scan
 * @param ioBytesPerSecond I/O cap per scan, 0 for none
 * @param maxCpuPercent CPU cap per scan in percent of one core (averaged over the scan, paced between files), 0 for none
 * @param paused when true no scan starts (a node update is in progress)
 * @param parameters provider parameters ({@code ScanOptions.parameters}), names not starting with {@code fio.}
 */
public record TargetSettings(
        String id,
        String displayName,
        String provider,
        Path hostRoot,
        Path configFile,
        String configSource,
        Path stateDirectory,
        Duration interval,
        Duration initialDelay,
        int maxBackups,
        int threads,
        long ioBytesPerSecond,
        int maxCpuPercent,
        boolean paused,
        Map<String, String> parameters) {

    /** Parameters the loop itself passes to providers (e.g. {@code fio.maxBackups}). */
    static final String RESERVED_PREFIX = "fio.";

    public TargetSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(hostRoot, "hostRoot");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        configSource = configSource == null || configSource.isBlank() ? configFile.toString() : configSource;
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least 1 second: " + interval);
        }
        if (maxBackups < 0 || threads < 1 || ioBytesPerSecond < 0 || maxCpuPercent < 0) {
            throw new IllegalArgumentException("maxBackups >= 0, threads >= 1, ioBytesPerSecond >= 0, maxCpuPercent >= 0");
        }
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        for (String name : parameters.keySet()) {
            if (name.startsWith(RESERVED_PREFIX)) {
                throw new IllegalArgumentException("provider parameter names starting with '" + RESERVED_PREFIX
                        + "' are reserved: " + name);
            }
        }
    }
}
