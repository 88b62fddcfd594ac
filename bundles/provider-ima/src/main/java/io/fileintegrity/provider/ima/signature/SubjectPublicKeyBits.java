package io.fileintegrity.provider.ima.signature;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Extracts the subjectPublicKey BIT STRING contents from a DER SubjectPublicKeyInfo. */
final class SubjectPublicKeyBits {

    private SubjectPublicKeyBits() {
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
    static byte[] of(byte[] der) throws GeneralSecurityException {
        int[] outer = header(der, 0, 0x30);
        int[] algorithm = header(der, outer[0], 0x30);
        int[] bits = header(der, algorithm[0] + algorithm[1], 0x03);
        if (bits[1] < 1 || der[bits[0]] != 0) {
            throw new GeneralSecurityException("subjectPublicKey has unused bits");
        }
        return Arrays.copyOfRange(der, bits[0] + 1, bits[0] + bits[1]);
    }

    /** Checks the tag at {@code at}; returns the contents' offset and length. */
    private static int[] header(byte[] der, int at, int tag) throws GeneralSecurityException {
        if (at + 2 > der.length || (der[at] & 0xff) != tag) {
            throw new GeneralSecurityException("malformed SubjectPublicKeyInfo at byte " + at);
        }
        int length = der[at + 1] & 0xff;
        int offset = at + 2;
        if (length > 0x80) {
            int count = length - 0x80;
            if (count > 3 || offset + count > der.length) {
                throw new GeneralSecurityException("malformed DER length at byte " + at);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | der[offset + i] & 0xff;
            }
            offset += count;
        }
        if (offset + length > der.length) {
            throw new GeneralSecurityException("DER length beyond the key at byte " + at);
        }
        return new int[] {offset, length};
    }
}
