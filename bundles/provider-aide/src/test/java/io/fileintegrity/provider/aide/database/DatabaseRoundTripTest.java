package io.fileintegrity.provider.aide.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyFieldAndOddNameSurvivesWriteAndRead(boolean gzip) throws IOException {
        Path db = dir.resolve("aide.db");
        write(db, gzip, SampleEntries.entries());
        assertEquals(gzip, (Files.readAllBytes(db)[0] & 0xff) == 0x1f, "gzip is detected by content");
        List<DbEntry> read = new ArrayList<>();
        try (DatabaseReader r = DatabaseReader.open(db)) {
            assertEquals(SampleEntries.COLUMNS, r.columns());
            for (DbEntry e; (e = r.next()) != null; ) {
                read.add(e);
            }
        }
        assertEquals(SampleEntries.entries(), read);
    }

    @Test
    void oddNamesArePercentEncodedInTheFile() throws IOException {
        Path db = dir.resolve("aide.db");
        write(db, false, SampleEntries.entries());
        String text = Files.readString(db, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\n/etc/odd%20name%20%231%25%40%3A "), text);
        assertTrue(text.contains("\n/etc/new%0Aline%FF%01 "), text);
        assertTrue(text.contains(" 00starts-with-zero "), text);
        assertTrue(text.contains(" 0- "), text);
        assertTrue(text.endsWith("@@end_db\n"));
    }

    @Test
    void anUncommittedWriterLeavesTheExistingDatabaseAndNoTemporaryFile() throws IOException {
        Path db = dir.resolve("aide.db");
        Files.writeString(db, "old baseline");
        try (DatabaseWriter w = DatabaseWriter.toFile(db, SampleEntries.COLUMNS, false, List.of())) {
            w.writeHeader(List.of());
            w.write(SampleEntries.entries().get(0));
        }
        assertEquals("old baseline", Files.readString(db));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(db), files.toList());
        }
    }

    @Test
    void aWriterInAnUnwritableDirectoryFailsWithoutTouchingTheTarget() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path db = ro.resolve("aide.db");
        Files.writeString(db, "old baseline");
        Path missing = dir.resolve("no/such/dir/aide.db");
        assertThrows(IOException.class, () -> DatabaseWriter.toFile(missing, SampleEntries.COLUMNS, false, List.of()));
        assertFalse(Files.exists(missing));
        assertEquals("old baseline", Files.readString(db));
    }

    @Test
    void databaseOrderPutsADirectoryRightBeforeItsSubtree() {
        List<String> paths = new ArrayList<>(List.of("/a/b.c", "/a/b/c", "/a/b", "/a", "/", "/a/b/c/d", "/a-b"));
        paths.sort(PathOrder.INSTANCE);
        assertEquals(List.of("/", "/a", "/a/b", "/a/b/c", "/a/b/c/d", "/a/b.c", "/a-b"), paths);
    }

    static void write(Path db, boolean gzip, List<DbEntry> entries) throws IOException {
        try (DatabaseWriter w = DatabaseWriter.toFile(db, SampleEntries.COLUMNS, gzip, List.of())) {
            w.writeHeader(List.of("# test"));
            for (DbEntry e : entries) {
                w.write(e);
            }
            w.commit();
        }
    }
}
