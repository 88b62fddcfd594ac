package io.fileintegrity.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineBackupsTest {

    @TempDir
    Path dir;

    @Test
    void backupUsesFiosStampAndKeepsOnlyTheNewestMaxBackups() throws Exception {
        Path db = dir.resolve("aide.db.gz");
        Files.writeString(db, "db1");
        Path first = BaselineBackups.backUp(db, 2, Instant.parse("2020-09-17T15:07:55Z"));
        assertEquals("aide.db.gz.backup-20200917T15_07_55", first.getFileName().toString());
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2020-09-17T15:07:55Z")));
        Path second = BaselineBackups.backUp(db, 2, Instant.parse("2020-09-18T00:00:00Z"));
        Files.setLastModifiedTime(second, FileTime.from(Instant.parse("2020-09-18T00:00:00Z")));
        BaselineBackups.backUp(db, 2, Instant.parse("2020-09-19T00:00:00Z"));
        assertEquals(List.of("aide.db.gz.backup-20200918T00_00_00", "aide.db.gz.backup-20200919T00_00_00"), backups());
    }

    @Test
    void anEmptyOrMissingBaselineIsNotBackedUp() throws Exception {
        assertNull(BaselineBackups.backUp(dir.resolve("missing"), 5, Instant.EPOCH));
        Files.createFile(dir.resolve("empty"));
        assertNull(BaselineBackups.backUp(dir.resolve("empty"), 5, Instant.EPOCH));
    }

    @Test
    void maxBackupsZeroKeepsNone() throws Exception {
        Path db = dir.resolve("aide.db.gz");
        Files.writeString(db, "db");
        BaselineBackups.backUp(db, 0, Instant.EPOCH);
        assertEquals(List.of(), backups());
    }

    private List<String> backups() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".backup-")).sorted().toList();
        }
    }
}
