package io.fileintegrity.provider.aide.scan;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the native libraries BC-FIPS extracted for this JVM ({@code <java.io.tmpdir>/bc-fips-jni*-libs/}).
 * BC-FIPS deletes them in a shutdown hook, which never runs when a process is killed, so every killed
 * agent used to leave a directory behind. Once the libraries are loaded they stay mapped after the
 * files are unlinked, so they are deleted right after the provider has started: only files this
 * process has mapped (per {@code /proc/self/maps}), and their directory once it is empty.
 */
final class FipsNativeLibraries {
    private FipsNativeLibraries() {}

    /** Deletes the loaded BC-FIPS libraries of this process; returns the files deleted. */
    static List<Path> removeLoaded() {
        Set<Path> files = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                Path p = mappedPath(line);
                if (p != null) {
                    files.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // no /proc: leave the files to BC-FIPS's shutdown hook
        }
        Set<Path> dirs = new LinkedHashSet<>();
        List<Path> deleted = new ArrayList<>();
        for (Path f : files) {
            try {
                Files.delete(f);
                deleted.add(f);
                dirs.add(f.getParent());
            } catch (IOException e) {
                // another process's file with the same name cannot be ours; leave it
            }
        }
        for (Path d : dirs) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                // still holds libraries not loaded (yet), or already gone
            } catch (IOException e) {
                // leave it to the shutdown hook
            }
        }
        return deleted;
    }

    /** The path of a mapped, not yet deleted BC-FIPS library in the temp directory, or null. */
    static Path mappedPath(String mapsLine) {
        int slash = mapsLine.indexOf('/');
        if (slash < 0 || mapsLine.endsWith(" (deleted)")) {
            return null;
        }
        String name = mapsLine.substring(slash);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path p = Path.of(name).normalize();
        Path dir = p.getParent();
        if (dir == null || !tmp.equals(dir.getParent()) || !name.endsWith(".so")) {
            return null;
        }
        String dirName = dir.getFileName().toString();
        return dirName.startsWith("bc-fips-jni") && dirName.endsWith("-libs") ? p : null;
    }
}
