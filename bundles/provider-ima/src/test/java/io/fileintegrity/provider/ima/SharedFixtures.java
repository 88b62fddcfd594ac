package io.fileintegrity.provider.ima;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test aid: finds the project's shared fixtures, which live in {@code shared/} next to the repository
 * (a sibling of the clone in CI, {@code /work/shared} on the build host).
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** A file under {@code shared/fixtures/ima/}; fails the test when the shared folder is missing. */
    public static Path ima(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("fixtures").resolve("ima").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared/fixtures/ima/" + name + " not found above " + dir
                + " (the shared folder must be a sibling of the repository)");
    }
}
