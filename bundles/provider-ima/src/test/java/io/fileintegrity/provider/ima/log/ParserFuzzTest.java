package io.fileintegrity.provider.ima.log;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid lists at random (fixed seeds, so failures reproduce) and requires that each parser
 * either reads the list or reports a {@link MeasurementListException} with an entry number: never
 * another exception, never a hang.
 */
class ParserFuzzTest {

    private static final int ROUNDS = 3000;

    private static MeasurementListWriter seedList() {
        byte[] digest = sha("sha256", "fuzz".getBytes(StandardCharsets.UTF_8));
        return new MeasurementListWriter()
                .imaNg("sha256", digest, "boot_aggregate")
                .legacy(sha("sha1", new byte[0]), "/legacy")
                .imaSig("sha256", digest, "/signed", new byte[] {3, 2, 4, 9, 9, 9, 9, 0, 2, 1, 2})
                .imaSig("sha256", digest, "/unsigned", new byte[0])
                .imaBuf("sha256", ".ima", new byte[] {0x30, 2, 5, 0})
                .violation("sha1", "/violated")
                .imaNg("sha512", sha("sha512", digest), "/last");
    }

    @Test
    void binaryParserOnlyEverReportsMeasurementListErrors() {
        fuzz(seedList().binary(), new Random(20261125), true);
    }

    @Test
    void textParserOnlyEverReportsMeasurementListErrors() {
        fuzz(seedList().text(), new Random(4711), false);
    }

    private static void fuzz(byte[] seed, Random random, boolean binary) {
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(seed, random);
            MeasurementReader reader = binary
                    ? new BinaryMeasurementParser(new ByteArrayInputStream(input), "fuzz")
                    : new AsciiMeasurementParser(new ByteArrayInputStream(input), "fuzz");
            try {
                int entries = Lists.readAll(reader).size();
                assertTrue(entries <= input.length, "more entries than bytes");
            } catch (MeasurementListException e) {
                assertTrue(e.entryNumber() >= 1 && !e.reason().isEmpty(), e.getMessage());
                rejected++;
            } catch (Exception | Error e) {
                fail("round " + round + ": " + e, e);
            }
        }
        assertTrue(rejected > ROUNDS / 4, "most mutations must be rejected, only " + rejected + " were");
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
            if (out.length == 0) {
                return out;
            }
        }
        return out;
    }
}
