package io.fileintegrity.provider.ima.log;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryMeasurementParserTest {

    private static MeasurementListWriter mixedList() {
        byte[] digest = sha("sha256", "content".getBytes(StandardCharsets.UTF_8));
        return new MeasurementListWriter()
                .imaNg("sha256", sha("sha256", new byte[3]), "boot_aggregate")
                .legacy(sha("sha1", new byte[2]), "/usr/bin/legacy")
                .imaSig("sha256", digest, "/usr/bin/signed", new byte[] {3, 2, 4, 1, 2, 3, 4, 0, 1, 9})
                .imaSig("sha256", digest, "/unsigned", new byte[0])
                .imaBuf("sha256", ".builtin_trusted_keys", new byte[] {0x30, 1, 0})
                .violation("sha256", "/var/log/open for write")
                .imaNg("sha384", sha("sha384", new byte[0]), "/etc/name with spaces");
    }

    @Test
    void binaryAndTextListsOfTheSameEntriesAgreeFieldByField() throws Exception {
        MeasurementListWriter w = mixedList();
        List<ImaEntry> binary = Lists.binary(w.binary());
        List<ImaEntry> text = Lists.text(w.text());
        assertEquals(7, binary.size());
        for (int i = 0; i < binary.size(); i++) {
            ImaEntry b = binary.get(i);
            ImaEntry t = text.get(i);
            assertEquals(t.name(), b.name());
            assertEquals(t.templateName(), b.templateName());
            assertEquals(t.digestAlgorithm(), b.digestAlgorithm());
            assertArrayEquals(t.fileDigest(), b.fileDigest());
            assertArrayEquals(t.signature(), b.signature());
            assertArrayEquals(t.buffer(), b.buffer());
            assertArrayEquals(t.hashedData(), b.hashedData(), "template data of entry " + b.number());
            assertArrayEquals(t.templateHash(), b.templateHash());
        }
        assertTrue(binary.get(5).isViolation());
        assertEquals("/etc/name_with_spaces", binary.get(6).name());
        assertEquals(w.binary().length, positionAfterAll(w.binary()));
    }

    @Test
    void readsBigEndianListsWhenTold() throws Exception {
        byte[] le = new MeasurementListWriter().imaNg("sha1", new byte[20], "/x").binary();
        byte[] be = le.clone();
        reverse(be, 0, 4);
        reverse(be, 24, 28);
        reverse(be, 34, 38);
        reverse(be, 38, 42);
        reverse(be, 68, 72);
        var parser = new BinaryMeasurementParser(new ByteArrayInputStream(be), "be", 20, ByteOrder.BIG_ENDIAN, 1, 0);
        assertEquals("/x", parser.next().name());
    }

    @Test
    void truncatedListNamesTheEntryAndWhatIsMissing() {
        byte[] list = mixedList().binary();
        var e = assertThrows(MeasurementListException.class,
                () -> Lists.binary(Arrays.copyOf(list, list.length - 5)));
        assertEquals(7, e.entryNumber());
        assertTrue(e.reason().startsWith("list truncated: template data needs"), e.reason());
    }

    @Test
    void templateNameLengthBeyondTheRecordIsAnError() {
        byte[] list = new MeasurementListWriter().imaNg("sha1", new byte[20], "/x").binary();
        list[24] = (byte) 0xff;
        list[25] = (byte) 0x7f;
        var e = assertThrows(MeasurementListException.class, () -> Lists.binary(list));
        assertEquals("template name length 32767 beyond the limit of 1..255", e.reason());
    }

    @Test
    void fieldLengthBeyondTheTemplateDataIsAnError() {
        byte[] list = new MeasurementListWriter().imaNg("sha1", new byte[20], "/x").binary();
        list[38] = 100; // length of d-ng, the first field
        var e = assertThrows(MeasurementListException.class, () -> Lists.binary(list));
        assertEquals("field d-ng length 100 beyond the template data (33 bytes left)", e.reason());
    }

    @Test
    void unknownTemplateIsAnError() {
        byte[] list = new MeasurementListWriter().entry("ima-xx", false, "N", "a".getBytes()).binary();
        var e = assertThrows(MeasurementListException.class, () -> Lists.binary(list));
        assertEquals("unknown template 'ima-xx'", e.reason());
    }

    @Test
    void customTemplateFormatStringsAreRead() throws Exception {
        byte[] list = new MeasurementListWriter()
                .entry("d-ng|n-ng", false, "DN", MeasurementListWriter.dng("sha1", new byte[20]),
                        MeasurementListWriter.string("/custom"))
                .binary();
        assertEquals("/custom", Lists.binary(list).get(0).name());
    }

    @Test
    void imaModsigEntriesWithAndWithoutAnAppendedSignatureAgreeInBothForms() throws Exception {
        byte[] digest = sha("sha256", "module".getBytes(StandardCharsets.UTF_8));
        MeasurementListWriter w = new MeasurementListWriter()
                .entry("ima-modsig", false, "DNHDH", MeasurementListWriter.dng("sha256", digest),
                        MeasurementListWriter.string("/lib/modules/x.ko"), new byte[0],
                        MeasurementListWriter.dng("sha256", sha("sha256", new byte[4])), new byte[] {0x30, (byte) 0x82, 0, 1})
                .entry("ima-modsig", false, "DNHDH", MeasurementListWriter.dng("sha256", digest),
                        MeasurementListWriter.string("/usr/bin/plain"), new byte[0], new byte[0], new byte[0]);
        List<ImaEntry> binary = Lists.binary(w.binary());
        List<ImaEntry> text = Lists.text(w.text());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(binary.get(i).hashedData(), text.get(i).hashedData());
            assertArrayEquals(binary.get(i).templateHash(), sha("sha1", text.get(i).hashedData()));
        }
        assertEquals("/lib/modules/x.ko", text.get(0).name());
        assertTrue(new String(w.text(), StandardCharsets.UTF_8).contains("/usr/bin/plain   \n"));
    }

    @Test
    void aGigabyteOfGarbageFailsAtTheFirstEntryWithoutReadingIt() {
        long started = System.nanoTime();
        var random = assertThrows(MeasurementListException.class,
                () -> Lists.readAll(new BinaryMeasurementParser(new GarbageStream(1L << 30, 42), "garbage")));
        var zeros = assertThrows(MeasurementListException.class,
                () -> Lists.readAll(new BinaryMeasurementParser(new GarbageStream(1L << 30, -1), "zeros")));
        var text = assertThrows(MeasurementListException.class,
                () -> Lists.readAll(new AsciiMeasurementParser(new GarbageStream(1L << 30, 7), "garbage")));
        assertEquals(1, random.entryNumber());
        assertTrue(random.reason().startsWith("PCR index"), random.reason());
        assertEquals("template name length 0 beyond the limit of 1..255", zeros.reason());
        assertEquals(1, text.entryNumber());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "garbage must be rejected quickly");
    }

    private static long positionAfterAll(byte[] list) throws Exception {
        var parser = new BinaryMeasurementParser(new ByteArrayInputStream(list), "test");
        while (parser.next() != null) {
            // read to the end
        }
        return parser.position();
    }

    private static void reverse(byte[] b, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    /** A lazily generated stream of random bytes (seed -1: zeros); nothing is held in memory. */
    static final class GarbageStream extends InputStream {
        private final Random random;
        private long left;

        GarbageStream(long size, long seed) {
            this.left = size;
            this.random = seed < 0 ? null : new Random(seed);
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random == null ? 0 : random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = random == null ? 0 : (byte) random.nextInt(256);
            }
            left -= n;
            return n;
        }
    }
}
