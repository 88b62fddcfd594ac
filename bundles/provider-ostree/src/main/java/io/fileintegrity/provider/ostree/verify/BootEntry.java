package io.fileintegrity.provider.ostree.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code version} and {@code options} of a Boot Loader Specification entry; the highest version is the default. */
record BootEntry(Path file, long version, Optional<String> options) {

    static BootEntry read(Path file) throws IOException {
        long version = -1;
        Optional<String> options = Optional.empty();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("version ")) {
                try {
                    version = Long.parseLong(trimmed.substring(8).trim());
                } catch (NumberFormatException notANumber) {
                    version = -1;
                }
            } else if (trimmed.startsWith("options ")) {
                options = Optional.of(trimmed.substring(8).trim());
            }
        }
        return new BootEntry(file, version, options);
    }

    boolean isNewerThan(BootEntry other) {
        return version != other.version ? version > other.version
                : file.getFileName().toString().compareTo(other.file.getFileName().toString()) > 0;
    }
}
