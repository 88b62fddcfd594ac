package io.fileintegrity.engine.loop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * FIO's backups on re-initialisation: before a baseline is rebuilt, a non-empty baseline file is copied to
 * {@code <name>.backup-<stamp>} (FIO's stamp, Go layout {@code 20060102T15_04_05}, UTC) and the oldest
 * backups (by modification time) are deleted until at most {@code maxBackups} remain. Normal scans never back up.
 */
final class BaselineBackups {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HH_mm_ss").withZone(ZoneOffset.UTC);

    private BaselineBackups() {}

    /**
     * Backs up {@code baseline} (when it exists and is not empty) and prunes its backups.
     *
     * @return the backup written, or null when there was nothing to back up
     */
    static Path backUp(Path baseline, int maxBackups, Instant now) throws IOException {
        if (!Files.isRegularFile(baseline) || Files.size(baseline) == 0) {
            return null;
        }
        Path backup = baseline.resolveSibling(baseline.getFileName() + ".backup-" + STAMP.format(now));
        Files.copy(baseline, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        prune(baseline, maxBackups);
        return backup;
    }

    static void prune(Path baseline, int maxBackups) throws IOException {
        List<Path> backups = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(baseline.getParent(),
                baseline.getFileName() + ".backup-*")) {
            dir.forEach(backups::add);
        }
        backups.sort(Comparator.comparing(BaselineBackups::modified).thenComparing(Path::toString));
        for (int i = 0; i < backups.size() - maxBackups; i++) {
            Files.deleteIfExists(backups.get(i));
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
