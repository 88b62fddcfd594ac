package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.compare.Difference;
import java.util.List;

/**
 * Everything a report shows about one run.
 *
 * @param kind init, check, update or compare
 * @param startSeconds start time, epoch seconds
 * @param endSeconds end time, epoch seconds
 * @param totalEntries entries in the new data (the disk in a check)
 * @param differences added, removed and changed entries in database order (for {@code --init},
 *     every entry as added, used only with {@code report_detailed_init})
 * @param newDatabase the {@code database_out} path for init and update, else null
 * @param configVersion {@code config_version}, or null
 * @param limit the {@code --limit} regex, or null
 * @param rootPrefix {@code root_prefix}, or ""
 * @param databases {@code database_attrs} digests of the databases read and written
 */
public record RunFacts(RunKind kind, long startSeconds, long endSeconds, long totalEntries,
        List<Difference> differences, String newDatabase, String configVersion, String limit, String rootPrefix,
        List<DatabaseDigest> databases) {
    public RunFacts {
        differences = List.copyOf(differences);
        databases = List.copyOf(databases);
    }
}
