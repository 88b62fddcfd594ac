package io.fileintegrity.provider.aide.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt and foreign databases give a clear error with the line; fuzzed input never escapes otherwise. */
class CorruptDatabaseTest {
    @TempDir
    Path dir;

    private List<String> validLines() throws IOException {
        Path db = dir.resolve("valid.db");
        DatabaseRoundTripTest.write(db, false, SampleEntries.entries());
        return new ArrayList<>(Files.readAllLines(db, StandardCharsets.ISO_8859_1));
    }

    private static DatabaseFormatException readFails(String text) {
        return assertThrows(DatabaseFormatException.class, () -> readAll(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static int readAll(byte[] bytes) throws IOException {
        int n = 0;
        try (DatabaseReader r = new DatabaseReader(new ByteArrayInputStream(bytes), "test.db", List.of())) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }

    @Test
    void badBase64NamesTheLineAndColumn() throws IOException {
        List<String> lines = validLines();
        lines.set(4, lines.get(4).replaceFirst(" MTc5NTU0ODA2OQ== ", " MTc5NTU0ODA2OQ= "));
        DatabaseFormatException e = readFails(String.join("\n", lines) + "\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith("test.db:5: column 'atime':"), e.getMessage());
    }

    @Test
    void missingEndIsAnErrorAtTheLastLine() throws IOException {
        List<String> lines = validLines();
        lines.remove(lines.size() - 1);
        DatabaseFormatException e = readFails(String.join("\n", lines) + "\n");
        assertEquals(lines.size(), e.line());
        assertTrue(e.getMessage().contains("without @@end_db"), e.getMessage());
    }

    @Test
    void unknownSpecFieldIsNamed() throws IOException {
        List<String> lines = validLines();
        lines.set(2, lines.get(2).replace(" perm ", " perm flavour "));
        DatabaseFormatException e = readFails(String.join("\n", lines) + "\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown field 'flavour' in @@db_spec"), e.getMessage());
    }

    @Test
    void duplicateEntryIsNamedWithItsLine() throws IOException {
        List<String> lines = validLines();
        lines.add(5, lines.get(4));
        DatabaseFormatException e = readFails(String.join("\n", lines) + "\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("duplicate entry"), e.getMessage());
    }

    @Test
    void wrongFieldCountAndForeignTextAreErrors() throws IOException {
        List<String> lines = validLines();
        lines.set(4, lines.get(4) + " extra");
        assertTrue(readFails(String.join("\n", lines) + "\n").getMessage().contains("fields as in @@db_spec"));
        assertTrue(readFails("hello\nworld\n").getMessage().contains("no @@begin_db"));
    }

    @Test
    void truncatedGzipIsAnErrorNotAShortDatabase() throws IOException {
        Path db = dir.resolve("gz.db");
        DatabaseRoundTripTest.write(db, true, SampleEntries.entries());
        byte[] gz = Files.readAllBytes(db);
        byte[] cut = Arrays.copyOf(gz, gz.length - 12);
        DatabaseFormatException e = assertThrows(DatabaseFormatException.class, () -> readAll(cut));
        assertTrue(e.getMessage().startsWith("test.db:"), e.getMessage());
    }

    @Test
    void fuzzedDatabasesEitherReadOrFailWithAFormatError() throws IOException {
        byte[] valid = (String.join("\n", validLines()) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Path gzDb = dir.resolve("gz.db");
        DatabaseRoundTripTest.write(gzDb, true, SampleEntries.entries());
        byte[] gz = Files.readAllBytes(gzDb);
        Random random = new Random(4);
        for (int round = 0; round < 3000; round++) {
            byte[] input = mutate(random.nextBoolean() ? valid : gz, random);
            try {
                readAll(input);
            } catch (DatabaseFormatException expected) {
                assertTrue(expected.line() >= 1);
            }
        }
    }

    private static byte[] mutate(byte[] base, Random random) {
        byte[] b = base.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                b = noise;
            }
            default -> {
                int i = random.nextInt(b.length);
                b[i] = random.nextBoolean() ? (byte) ' ' : (byte) '\n';
            }
        }
        return b;
    }
}
