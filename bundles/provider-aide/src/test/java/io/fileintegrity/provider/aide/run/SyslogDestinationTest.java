package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogDestinationTest {
    @TempDir
    Path dir;

    private static final Clock NOV_5 = Clock.fixed(Instant.parse("2026-11-05T07:08:09Z"), ZoneId.of("UTC"));

    @Test
    void sendsEachPieceAsOneDatagramWithGlibcsHeaderAndTheBytesUnchanged() throws IOException {
        List<String> warnings = new ArrayList<>();
        Path socket = dir.resolve("log");
        try (DatagramReceiver receiver = new DatagramReceiver(socket)) {
            try (SyslogDestination out = new SyslogDestination(socket.toString(), 19 << 3, NOV_5, "syslog:LOG_LOCAL3",
                    warnings::add)) {
                out.print("Start timestamp: x\n");
                out.print("\nf+++++++++++++++++: /srv/caf\u00e9\u00ff");
                out.print("");
            }
            List<byte[]> got = receiver.messages();
            assertEquals(3, got.size());
            // <157> = LOG_LOCAL3 (19 << 3) | LOG_NOTICE (5); "%h %e %T" pads the day with a space
            assertArrayEquals("<157>Nov  5 07:08:09 aide: Start timestamp: x\n".getBytes(StandardCharsets.ISO_8859_1),
                    got.get(0));
            assertArrayEquals("<157>Nov  5 07:08:09 aide: \nf+++++++++++++++++: /srv/caf\u00e9\u00ff"
                    .getBytes(StandardCharsets.ISO_8859_1), got.get(1));
            assertArrayEquals("<157>Nov  5 07:08:09 aide: ".getBytes(StandardCharsets.ISO_8859_1), got.get(2));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMissingSocketIsOneWarningAndNoException() throws IOException {
        List<String> warnings = new ArrayList<>();
        Path missing = dir.resolve("no-such-log");
        try (SyslogDestination out = new SyslogDestination(missing.toString(), 16 << 3, NOV_5, "syslog:LOG_LOCAL0",
                warnings::add)) {
            out.print("a\n");
            out.print("b\n");
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(missing.toString()) && warnings.get(0).contains("No such file"),
                warnings.get(0));
    }

    @Test
    void facilitiesAreLookedUpAsAideDoes() {
        List<String> warnings = new ArrayList<>();
        assertEquals(16 << 3, SyslogFacility.of("", warnings::add));
        assertEquals(3 << 3, SyslogFacility.of("log_daemon", warnings::add));
        assertEquals(23 << 3, SyslogFacility.of("LOG_LOCAL7", warnings::add));
        assertEquals(9 << 3, SyslogFacility.of("LOG_CRON", warnings::add));
        assertEquals(List.of(), warnings);
        assertEquals(16 << 3, SyslogFacility.of("LOG_BOGUS", warnings::add));
        assertEquals(List.of("Syslog facility \"LOG_BOGUS\" is unknown, using default"), warnings);
    }
}
