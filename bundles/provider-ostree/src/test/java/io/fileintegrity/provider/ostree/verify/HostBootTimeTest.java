package io.fileintegrity.provider.ostree.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBootTimeTest {

    @TempDir
    Path proc;

    @Test
    void bootTimeIsTheBtimeLineOfStat() throws Exception {
        Files.writeString(proc.resolve("stat"), "cpu  10 0 5 100\nintr 1\nbtime 1764000000\nprocesses 9\n");
        assertEquals(Optional.of(Instant.ofEpochSecond(1764000000L)), HostBootTime.read(proc));
    }

    @Test
    void missingOrMalformedStatGivesNoBootTime() throws Exception {
        assertEquals(Optional.empty(), HostBootTime.read(proc));
        Files.writeString(proc.resolve("stat"), "cpu  10 0 5 100\n");
        assertEquals(Optional.empty(), HostBootTime.read(proc));
        Files.writeString(proc.resolve("stat"), "btime soon\n");
        assertEquals(Optional.empty(), HostBootTime.read(proc));
    }

    @Test
    void thisMachinesKernelBootedInThePast() {
        Instant booted = HostBootTime.read(Path.of("/proc")).orElseThrow();
        assertTrue(booted.isBefore(Instant.now()) && booted.isAfter(Instant.parse("2000-01-01T00:00:00Z")), booted.toString());
    }
}
