package io.fileintegrity.provider.aide.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows about one run.
 *
 * @param kind init, check, update or compare
 * @param startSeconds start time, epoch seconds
 * @param endSeconds end time, epoch seconds
 * @param totalEntries entries in the new data (the disk in a check)
 * @param differences added, removed and changed entries in database order (for {@code --init},
 *     every entry as added, used only with {@code report_detailed_init}); read once per report section
 * @param newDatabase the {@code database_out} path for init and update, else null
 * @param configVersion {@code config_version}, or null
 * @param limit the {@code --limit} regex, or null
 * @param rootPrefix {@code root_prefix}, or ""
 * @param databases {@code database_attrs} digests of the databases read and written
 */
public record RunFacts(RunKind kind, long startSeconds, long endSeconds, long totalEntries,
        DifferenceSource differences, String newDatabase, String configVersion, String limit, String rootPrefix,
        List<DatabaseDigest> databases) {
    public RunFacts {
        Objects.requireNonNull(differences, "differences");
        databases = List.copyOf(databases);
    }
}
