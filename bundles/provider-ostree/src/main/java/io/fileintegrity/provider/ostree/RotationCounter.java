package io.fileintegrity.provider.ostree;

import io.fileintegrity.provider.ostree.verify.Rotation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The run number of {@code rotate N}, kept in the state directory as {@value #FILE}. A missing or
 * unreadable counter starts again at 0: that only shifts which share of the files is re-hashed.
 */
final class RotationCounter {

    static final String FILE = "ostree-rotation";

    private RotationCounter() {}

    /** This run's rotation; the stored counter is advanced (atomically) before the run. */
    static Rotation next(Path stateDirectory, int period) throws IOException {
        Path file = stateDirectory.resolve(FILE);
        long run = read(file);
        Path temp = stateDirectory.resolve(FILE + ".tmp");
        Files.writeString(temp, Long.toString(run + 1) + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Rotation(period, run);
    }

    private static long read(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : 0;
        } catch (NoSuchFileException | java.nio.charset.MalformedInputException e) {
            return 0;
        }
    }
}
