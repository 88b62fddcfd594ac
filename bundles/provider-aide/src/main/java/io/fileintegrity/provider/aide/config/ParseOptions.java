package io.fileintegrity.provider.aide.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read a configuration.
 *
 * @param dropNonApprovedHashes false (default): a rule or option naming a hash that is not FIPS-approved
 *        is a config error; true: such hashes are removed and each affected line is listed in
 *        {@link AideConfig#droppedHashes()}
 * @param beforeLines lines given with {@code -B}, read before the config (source {@code (--before)})
 * @param afterLines lines given with {@code -A}, read after the config (source {@code (--after)})
 * @param defines variables defined before the config is read, as if by {@code @@define} (value may be null)
 * @param hostname host name for {@code @@{HOSTNAME}}, {@code @@if hostname} and {@code file://host/} URLs;
 *        null if unknown
 * @param dryRun true for {@code --config-check}/{@code --dry-init}: enables the
 *        {@code config_check_warn_unrestricted_rules} warnings
 */
public record ParseOptions(boolean dropNonApprovedHashes, List<String> beforeLines, List<String> afterLines,
        Map<String, String> defines, String hostname, boolean dryRun) {

    public ParseOptions {
        beforeLines = List.copyOf(beforeLines);
        afterLines = List.copyOf(afterLines);
        defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
    }

    /** Defaults: non-approved hashes are errors, no extra lines or defines, this machine's host name. */
    public static ParseOptions defaults() {
        return new ParseOptions(false, List.of(), List.of(), Map.of(), localHostname(), false);
    }

    public ParseOptions withDropNonApprovedHashes(boolean drop) {
        return new ParseOptions(drop, beforeLines, afterLines, defines, hostname, dryRun);
    }

    public ParseOptions withBeforeLines(List<String> lines) {
        return new ParseOptions(dropNonApprovedHashes, lines, afterLines, defines, hostname, dryRun);
    }

    public ParseOptions withAfterLines(List<String> lines) {
        return new ParseOptions(dropNonApprovedHashes, beforeLines, lines, defines, hostname, dryRun);
    }

    /** Adds a variable, like {@code @@define name value} before the config. */
    public ParseOptions withDefine(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(defines);
        more.put(name, value);
        return new ParseOptions(dropNonApprovedHashes, beforeLines, afterLines, more, hostname, dryRun);
    }

    public ParseOptions withHostname(String name) {
        return new ParseOptions(dropNonApprovedHashes, beforeLines, afterLines, defines, name, dryRun);
    }

    public ParseOptions withDryRun(boolean dry) {
        return new ParseOptions(dropNonApprovedHashes, beforeLines, afterLines, defines, hostname, dry);
    }

    /** {@code gethostname()}: the kernel's host name, as AIDE uses it (not shortened). */
    static String localHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? null : env;
        }
    }
}
