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

    /** From {@code <hostRoot>/proc/stat} when readable, else this process's {@code /proc/stat}; empty when neither says. */
    public static Optional<Instant> read(Path hostRoot) {
        Path hostStat = hostRoot.resolve("proc/stat");
        return parse(Files.isReadable(hostStat) ? hostStat : Path.of("/proc/stat"));
    }

    static Optional<Instant> parse(Path stat) {
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
