package io.fileintegrity.provider.ostree.gvariant;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated bytes through the decoder: the only exception allowed out is
 * {@link GVariantFormatException}, and nothing hangs. Seeds are fixed so a failure reproduces.
 */
class GVariantDecoderFuzzTest {

    private static final List<String> TYPES = List.of("(a{sv}aya(say)sstayay)", "(a(say)a(sayay))",
            "(uuua(ayay))", "(uuuusa(ayay))", "(tuuuusa(ayay))", "a{sv}", "v", "aav", "mmas", "(yqxd)");

    @Test
    void randomBytesNeverEscapeAsOtherExceptions() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(7);
            int decoded = 0;
            for (int round = 0; round < 20_000; round++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                decoded += tryDecode(TYPES.get(round % TYPES.size()), bytes);
            }
            assertTrue(decoded < 20_000, "some random inputs must be refused");
        });
    }

    @Test
    void mutatedValidObjectsNeverEscapeAsOtherExceptions() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(11);
            byte[] commit = GVariantEncoder.encode(GVariantType.parse(TYPES.get(0)), sampleCommit());
            int refused = 0;
            for (int round = 0; round < 20_000; round++) {
                refused += 1 - tryDecode(TYPES.get(0), mutate(commit, random));
            }
            assertTrue(refused > 0, "some mutations must be refused");
        });
    }

    @Test
    void deeplyNestedVariantsAreRefusedNotOverflowed() {
        byte[] bytes = {0};
        for (int i = 0; i < 500; i++) {
            byte[] outer = Arrays.copyOf(bytes, bytes.length + 2);
            outer[bytes.length] = 0;
            outer[bytes.length + 1] = 'v';
            bytes = outer;
        }
        assertTrue(tryDecode("v", bytes) == 0);
    }

    private static Object sampleCommit() throws GVariantFormatException {
        byte[] csum = new byte[32];
        Arrays.fill(csum, (byte) 0xab);
        return List.of(List.of(List.of("ostree.ref-binding", new GVariantValue(GVariantType.parse("as"),
                        List.of("fio/fixture/x86_64")))), new byte[0], List.of(List.of("rel", csum)),
                "fio fixture", "deterministic test fixture", 1704067200L, csum, csum);
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> bytes[bytes.length - 1 - random.nextInt(Math.min(8, bytes.length))] = (byte) random.nextInt(256);
            default -> {
                for (int i = 0; i < 4; i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }

    /** 1 when decoded (and re-encodable), 0 when refused with GVariantFormatException. */
    private static int tryDecode(String signature, byte[] bytes) {
        try {
            GVariantType type = GVariantType.parse(signature);
            GVariantEncoder.encode(type, GVariantDecoder.decode(type, bytes));
            return 1;
        } catch (GVariantFormatException expected) {
            return 0;
        }
    }
}
