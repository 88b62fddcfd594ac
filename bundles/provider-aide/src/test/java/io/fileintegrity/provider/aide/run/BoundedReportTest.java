package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoundedReportTest {
    @Test
    void aReportWithinTheLimitIsReturnedWhole() {
        BoundedReport r = new BoundedReport(10);
        r.print("abc\n");
        r.print("defghi");
        assertEquals("abc\ndefghi", r.text("file:/x"));
        assertEquals(10, r.total());
    }

    @Test
    void aLongerReportKeepsTheWholeLinesThatFitAndSaysWhatWasCut() {
        BoundedReport r = new BoundedReport(10);
        r.print("line1\nline2\n");
        r.print("x".repeat(88));
        assertEquals("line1\n[report truncated: 94 of 100 bytes not shown (94%); the full report was written to"
                + " file:/var/log/aide.log]\n", r.text("file:/var/log/aide.log"));
    }

    @Test
    void withoutAFileReportTheLineSaysHowToKeepIt() {
        BoundedReport r = new BoundedReport(4);
        r.print("a\nbcdef\n");
        assertEquals("a\n[report truncated: 6 of 8 bytes not shown (75%); the full report was not written anywhere,"
                + " configure report_url=file:... to keep it]\n", r.text(null));
    }
}
