package io.fileintegrity.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ScanProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void rendersFilesBytesRateAndEta() {
        String line = ProgressLine.render(new ScanProgress(1234, 50L << 20, 5000, 100L << 20), 2.0);
        assertEquals("1,234/5,000 files, 50.0 MiB, 25.0 MiB/s, ETA 0:02", line);
    }

    @Test
    void drawsNothingWhenNotOnATerminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine line = ProgressLine.on(new PrintStream(out), false, () -> 0);
        line.progress(new ScanProgress(1, 1, -1, -1));
        line.finish();
        assertEquals(0, out.size());
    }

    @Test
    void redrawsAtMostFourTimesASecondAndClearsAtTheEnd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressLine line = ProgressLine.on(new PrintStream(out, true, StandardCharsets.UTF_8), true, clock::get);
        line.progress(new ScanProgress(1, 10, -1, -1));
        clock.addAndGet(100_000_000L);
        line.progress(new ScanProgress(2, 20, -1, -1));
        clock.addAndGet(200_000_000L);
        line.progress(new ScanProgress(3, 30, -1, -1));
        line.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(4, text.chars().filter(c -> c == '\r').count(), text);
        assertTrue(text.contains("3 files"), text);
        assertTrue(text.endsWith("\r"), text);
    }
}
