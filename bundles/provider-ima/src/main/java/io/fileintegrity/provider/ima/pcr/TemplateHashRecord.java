package io.fileintegrity.provider.ima.pcr;

import java.util.Arrays;

/** The logged SHA-1 template hashes of the PCR 10 entries, 20 bytes each, for a later padded replay. */
final class TemplateHashRecord {

    private static final int SIZE = 20;

    private byte[] hashes = new byte[SIZE * 1024];
    private long[] numbers = new long[1024];
    private int count;

    void add(long number, byte[] templateHash) {
        if (count == numbers.length) {
            numbers = Arrays.copyOf(numbers, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2 * SIZE);
        }
        System.arraycopy(templateHash, 0, hashes, count * SIZE, Math.min(SIZE, templateHash.length));
        numbers[count++] = number;
    }

    /** Extends the replay with every recorded entry. */
    void replay(BankReplay replay) {
        byte[] hash = new byte[SIZE];
        for (int i = 0; i < count; i++) {
            System.arraycopy(hashes, i * SIZE, hash, 0, SIZE);
            boolean violation = true;
            for (byte b : hash) {
                violation &= b == 0;
            }
            replay.extend(numbers[i], violation, null, hash);
        }
    }
}
