package io.fileintegrity.provider.ostree.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** When the host's kernel booted: the {@code btime} line of {@code /proc/stat} (seconds since the epoch). */
public final class HostBootTime {

    private HostBootTime() {}

    /**
     * From {@code stat} in {@code proc}, the same {@code /proc} the kernel command line was read from (a
     * boot time of another kernel would be meaningless); empty when it is missing or has no {@code btime}.
     */
    public static Optional<Instant> read(Path proc) {
        Path stat = proc.resolve("stat");
        try {
            for (String line : Files.readAllLines(stat, StandardCharsets.UTF_8)) {
                if (line.startsWith("btime ")) {
                    return Optional.of(Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim())));
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
