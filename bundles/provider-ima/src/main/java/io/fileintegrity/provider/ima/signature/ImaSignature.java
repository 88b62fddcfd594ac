package io.fileintegrity.provider.ima.signature;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import java.util.Arrays;

/**
 * An IMA digital signature (the {@code security.ima} xattr, {@code struct signature_v2_hdr}): type
 * 0x03, version 2, hash algorithm id, 4-byte key id, big-endian u16 length, signature.
 *
 * @param hashAlgorithm the algorithm the header names
 * @param keyId the last four bytes of the signing key's identifier, big-endian
 * @param signature the RSA or ECDSA signature bytes
 */
public record ImaSignature(HashAlgorithm hashAlgorithm, int keyId, byte[] signature) {

    private static final int DIGSIG_TYPE = 0x03;
    private static final int HEADER = 9;

    /**
     * Reads a signature field.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static ImaSignature parse(byte[] field) {
        if (field.length < HEADER) {
            throw new IllegalArgumentException("signature of " + field.length + " bytes is shorter than its header");
        }
        if ((field[0] & 0xff) != DIGSIG_TYPE) {
            throw new IllegalArgumentException("signature type " + (field[0] & 0xff) + " is not 3 (digital signature)");
        }
        if (field[1] != 2) {
            throw new IllegalArgumentException("signature version " + field[1] + " is not supported (only 2)");
        }
        HashAlgorithm algorithm = HashAlgorithm.byKernelId(field[2] & 0xff).orElseThrow(
                () -> new IllegalArgumentException("signature names unknown hash algorithm " + (field[2] & 0xff)));
        int keyId = (field[3] & 0xff) << 24 | (field[4] & 0xff) << 16 | (field[5] & 0xff) << 8 | field[6] & 0xff;
        int length = (field[7] & 0xff) << 8 | field[8] & 0xff;
        if (HEADER + length != field.length) {
            throw new IllegalArgumentException("signature length " + length + " does not match the field ("
                    + (field.length - HEADER) + " bytes after the header)");
        }
        return new ImaSignature(algorithm, keyId, Arrays.copyOfRange(field, HEADER, field.length));
    }

    /** The key id as eight hex digits, as evmctl prints it. */
    public String keyIdHex() {
        return String.format("%08x", keyId);
    }
}
