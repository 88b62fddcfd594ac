package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FipsDigestTest {
    private static final byte[] DATA = new byte[300_000];

    static {
        new Random(7).nextBytes(DATA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SHA-512", "SHA-512/256", "SHA3-256", "SHA3-512"})
    void digestsEqualTheJdkProvidersForOneBulkUpdate(String algorithm) throws Exception {
        MessageDigest fips = FipsDigest.of(algorithm);
        MessageDigest jdk = MessageDigest.getInstance(algorithm);
        assertArrayEquals(jdk.digest(DATA), fips.digest(DATA));
        assertEquals(jdk.getDigestLength(), fips.getDigestLength());
        assertEquals(algorithm, fips.getAlgorithm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SHA-512"})
    void pieceByPieceAndSingleBytesGiveTheSameDigest(String algorithm) throws Exception {
        MessageDigest fips = FipsDigest.of(algorithm);
        fips.update(DATA[0]);
        for (int off = 1; off < DATA.length; off += 4099) {
            fips.update(DATA, off, Math.min(4099, DATA.length - off));
        }
        assertArrayEquals(MessageDigest.getInstance(algorithm).digest(DATA), fips.digest());
    }

    @Test
    void digestResetsSoTheNextFileStartsFresh() throws Exception {
        MessageDigest fips = FipsDigest.of("SHA-512");
        fips.update(DATA, 0, 1000);
        fips.digest();
        byte[] empty = fips.digest();
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(), empty);
        fips.update(DATA, 0, 1000);
        fips.reset();
        assertArrayEquals(empty, fips.digest());
    }

    @Test
    void aCloneContinuesIndependently() throws Exception {
        MessageDigest fips = FipsDigest.of("SHA-256");
        fips.update(DATA, 0, 5000);
        MessageDigest copy = (MessageDigest) fips.clone();
        assertNotSame(fips, copy);
        fips.update(DATA, 5000, 5000);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        jdk.update(DATA, 0, 5000);
        MessageDigest jdkCopy = (MessageDigest) jdk.clone();
        jdk.update(DATA, 5000, 5000);
        assertArrayEquals(jdk.digest(), fips.digest());
        assertArrayEquals(jdkCopy.digest(), copy.digest());
    }

    @Test
    void algorithmsWithoutAnApprovedOperatorAreRefused() {
        assertNull(FipsDigest.of("MD5"));
        assertNull(FipsDigest.of("SHA-1"));
    }
}
