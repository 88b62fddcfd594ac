package io.fileintegrity.provider.ima.log;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ima.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsciiMeasurementParserTest {

    @Test
    void parsesTheRealRustKeylimeListAndEveryTemplateHashVerifies() throws Exception {
        List<ImaEntry> entries = Lists.text(Files.readAllBytes(
                SharedFixtures.ima("rust-keylime-agent-ascii_runtime_measurements")));
        assertEquals(826, entries.size());
        assertEquals("boot_aggregate", entries.get(0).name());
        assertEquals("/lib/x86_64-linux-gnu/ld-2.23.so", entries.get(3).name());
        assertEquals("sha1", entries.get(1).digestAlgorithm());
        assertEquals("19f13b42c2745066347e76454788c0fe083643f3", entries.get(1).fileDigestHex());
        for (ImaEntry e : entries) {
            assertArrayEquals(e.templateHash(), sha("sha1", e.hashedData()), "entry " + e.number());
        }
        assertEquals(826, entries.get(825).number());
    }

    @Test
    void readsKeylimeSyntheticListsWithSha256AndSha384DigestsAndAZeroBootAggregate() throws Exception {
        List<ImaEntry> sha256 = Lists.text(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sha256")));
        assertEquals("sha256", sha256.get(1).digestAlgorithm());
        assertArrayEquals(sha256.get(1).templateHash(), sha("sha1", sha256.get(1).hashedData()));
        List<ImaEntry> sha384 = Lists.text(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sha384")));
        assertTrue(sha384.get(0).isViolation());
        assertEquals(48, sha384.get(1).fileDigest().length);
        assertArrayEquals(sha384.get(1).templateHash(), sha("sha1", sha384.get(1).hashedData()));
    }

    @Test
    void acceptsAWiderTemplateHashColumnAsInPerBankLists() throws Exception {
        List<ImaEntry> entries = Lists.text(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sm3_256")));
        assertEquals(32, entries.get(1).templateHash().length);
        assertEquals("sm3_256", entries.get(1).digestAlgorithm());
    }

    @Test
    void skipsBlankLinesAndKeepsCountingEntries() throws Exception {
        List<ImaEntry> entries = Lists.text(Files.readAllBytes(SharedFixtures.ima("rust-keylime-ima_log.txt")));
        assertEquals(1, entries.size());
        assertEquals(1, entries.get(0).number());
    }

    @Test
    void readsImaSigWithAndWithoutSignatureAndImaBufAndLegacyInOneList() throws Exception {
        byte[] digest = sha("sha256", "x".getBytes(StandardCharsets.UTF_8));
        MeasurementListWriter w = new MeasurementListWriter()
                .legacy(sha("sha1", new byte[1]), "boot_aggregate")
                .imaSig("sha256", digest, "/usr/bin/signed", new byte[] {3, 2, 4, 1, 2, 3, 4, 0, 1, 9})
                .imaSig("sha256", digest, "/mnt/data/a.txt", new byte[0])
                .imaBuf("sha256", ".ima", new byte[] {0x30, 0x03, 1, 2, 3})
                .imaNg("sha512", sha("sha512", new byte[0]), "/a b/with space.txt");
        String text = new String(w.text(), StandardCharsets.UTF_8);
        assertTrue(text.contains("/mnt/data/a.txt \n"), "ima-sig without signature ends with a space");
        List<ImaEntry> entries = Lists.text(w.text());
        assertEquals(5, entries.size());
        assertEquals("ima", entries.get(0).templateName());
        assertEquals(10, entries.get(1).signature().length);
        assertEquals(0, entries.get(2).signature().length);
        assertEquals(".ima", entries.get(3).name());
        assertEquals(5, entries.get(3).buffer().length);
        assertEquals("/a_b/with_space.txt", entries.get(4).name());
        for (ImaEntry e : entries) {
            assertArrayEquals(e.templateHash(), sha("sha1", e.hashedData()), "entry " + e.number());
        }
    }

    @Test
    void acceptsASingleDigitPcrPrintedWithALeadingSpace() throws Exception {
        String line = new String(new MeasurementListWriter().imaNg("sha1", new byte[20], "/x").text(),
                StandardCharsets.UTF_8).replaceFirst("^10", " 5");
        assertEquals(5, Lists.text(line.getBytes(StandardCharsets.UTF_8)).get(0).pcr());
    }

    @Test
    void unknownTemplateNamesTheEntry() {
        var e = assertThrows(MeasurementListException.class, () -> Lists.text(
                ("10 " + "ab".repeat(20) + " ima-ng sha1:" + "00".repeat(20) + " /a\n"
                        + "10 " + "ab".repeat(20) + " ima-foo sha1:00 /b\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.entryNumber());
        assertEquals("unknown template 'ima-foo'", e.reason());
    }

    @Test
    void invalidHexInADigestIsAnError() {
        var e = assertThrows(MeasurementListException.class, () -> Lists.text(
                ("10 " + "ab".repeat(20) + " ima-ng sha1:zz" + "00".repeat(19) + " /a\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, e.entryNumber());
        assertTrue(e.reason().startsWith("field d-ng is not hex"), e.reason());
    }

    @Test
    void invalidTemplateHashAndPcrAndFieldCountAreErrors() {
        assertReason("10 xyz ima-ng sha1:00 /a\n", "template hash 'xyz' is not hex");
        assertReason("10 abcd ima-ng sha1:00 /a\n", "template hash has 4 hex digits, expected 40, 64, 96 or 128");
        assertReason("99 " + "ab".repeat(20) + " ima-ng sha1:00 /a\n", "PCR index '99' is not a number 0..23");
        assertReason("10 " + "ab".repeat(20) + " ima-ng sha1:00 /a b\n",
                "template ima-ng has 2 fields, the line has 3");
        assertReason("10 " + "ab".repeat(20) + "\n", "expected '<pcr> <template-hash> <template> <fields>', found 2 words");
    }

    @Test
    void aLineLongerThanTheLimitIsAnErrorNotAnAllocation() {
        byte[] list = new byte[AsciiMeasurementParser.MAX_LINE + 10];
        java.util.Arrays.fill(list, (byte) 'a');
        var e = assertThrows(MeasurementListException.class, () -> Lists.text(list));
        assertEquals("line longer than 1048576 bytes", e.reason());
    }

    private static void assertReason(String list, String reason) {
        var e = assertThrows(MeasurementListException.class,
                () -> Lists.text(list.getBytes(StandardCharsets.UTF_8)));
        assertEquals(reason, e.reason());
        assertEquals("test: entry 1: " + reason, e.getMessage());
    }
}
