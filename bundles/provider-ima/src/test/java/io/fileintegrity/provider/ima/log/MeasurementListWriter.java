package io.fileintegrity.provider.ima.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test aid: writes consistent measurement lists (text and binary, little-endian) the way the kernel
 * does, with template hashes computed by the JDK's own SHA-1, independently of the code under test.
 */
public final class MeasurementListWriter {

    private static final HexFormat HEX = HexFormat.of();

    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final List<byte[]> hashedData = new ArrayList<>();
    private final List<Boolean> violations = new ArrayList<>();

    /** An ima-ng entry of a file with the given digest. */
    public MeasurementListWriter imaNg(String algorithm, byte[] digest, String name) {
        return entry("ima-ng", false, "DN", dng(algorithm, digest), string(name));
    }

    /** An ima-sig entry; an empty signature leaves the text line with a trailing space. */
    public MeasurementListWriter imaSig(String algorithm, byte[] digest, String name, byte[] signature) {
        return entry("ima-sig", false, "DNH", dng(algorithm, digest), string(name), signature);
    }

    /** An ima-buf entry, e.g. a key on a keyring. */
    public MeasurementListWriter imaBuf(String algorithm, String name, byte[] buffer) {
        return entry("ima-buf", false, "DNH", dng(algorithm, sha(algorithm, buffer)), string(name), buffer);
    }

    /** A violation: template hash and file digest all zero. */
    public MeasurementListWriter violation(String algorithm, String name) {
        return entry("ima-ng", true, "DN", dng(algorithm, new byte[sha(algorithm, new byte[0]).length]), string(name));
    }

    /**
     * An entry of any template from its raw fields; {@code kinds} has one letter per field: D digest
     * with algorithm, N string, H hex.
     */
    public MeasurementListWriter entry(String template, boolean violation, String kinds, byte[]... fields) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            u32(data, field.length);
            data.writeBytes(field);
        }
        byte[] hash = violation ? new byte[20] : sha("sha1", data.toByteArray());
        u32(binary, 10);
        binary.writeBytes(hash);
        u32(binary, template.length());
        binary.writeBytes(template.getBytes(StandardCharsets.US_ASCII));
        u32(binary, data.size());
        binary.writeBytes(data.toByteArray());
        StringBuilder line = new StringBuilder("10 ").append(HEX.formatHex(hash)).append(' ').append(template);
        for (int i = 0; i < fields.length; i++) {
            line.append(' ').append(fieldText(kinds.charAt(i), fields[i]));
        }
        text.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        hashedData.add(data.toByteArray());
        violations.add(violation);
        return this;
    }

    /** A legacy {@code ima} template entry (sha1 digest, name hashed zero-padded to 256 bytes). */
    public MeasurementListWriter legacy(byte[] sha1Digest, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] hashed = new byte[276];
        System.arraycopy(sha1Digest, 0, hashed, 0, 20);
        System.arraycopy(nameBytes, 0, hashed, 20, nameBytes.length);
        byte[] hash = sha("sha1", hashed);
        u32(binary, 10);
        binary.writeBytes(hash);
        u32(binary, 3);
        binary.writeBytes("ima".getBytes(StandardCharsets.US_ASCII));
        binary.writeBytes(sha1Digest);
        u32(binary, nameBytes.length);
        binary.writeBytes(nameBytes);
        text.writeBytes(("10 " + HEX.formatHex(hash) + " ima " + HEX.formatHex(sha1Digest) + " " + name + "\n")
                .getBytes(StandardCharsets.UTF_8));
        hashedData.add(hashed);
        violations.add(false);
        return this;
    }

    public byte[] text() {
        return text.toByteArray();
    }

    public byte[] binary() {
        return binary.toByteArray();
    }

    /** The expected PCR 10 of a bank after all entries, replayed with the bank's own hash. */
    public byte[] pcr10(String algorithm) {
        byte[] pcr = new byte[sha(algorithm, new byte[0]).length];
        for (int i = 0; i < hashedData.size(); i++) {
            byte[] value = sha(algorithm, hashedData.get(i));
            if (violations.get(i)) {
                java.util.Arrays.fill(value, (byte) 0xff);
            }
            byte[] both = new byte[pcr.length * 2];
            System.arraycopy(pcr, 0, both, 0, pcr.length);
            System.arraycopy(value, 0, both, pcr.length, value.length);
            pcr = sha(algorithm, both);
        }
        return pcr;
    }

    public static byte[] dng(String algorithm, byte[] digest) {
        byte[] prefix = (algorithm + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + 1 + digest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(digest, 0, out, prefix.length + 1, digest.length);
        return out;
    }

    public static byte[] string(String name) {
        byte[] bytes = name.replace(' ', '_').getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, bytes.length + 1);
    }

    public static byte[] sha(String algorithm, byte[] data) {
        String jca = switch (algorithm) {
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException(algorithm);
        };
        try {
            return MessageDigest.getInstance(jca).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fieldText(char kind, byte[] field) {
        if (field.length == 0) {
            return "";
        }
        if (kind == 'D') {
            int colon = indexOfAlgorithmEnd(field);
            return new String(field, 0, colon + 1, StandardCharsets.US_ASCII)
                    + HEX.formatHex(field, colon + 2, field.length);
        }
        if (kind == 'N') {
            return new String(field, 0, field.length - 1, StandardCharsets.UTF_8);
        }
        return HEX.formatHex(field);
    }

    private static int indexOfAlgorithmEnd(byte[] field) {
        for (int i = 1; i + 1 < field.length && i < 16; i++) {
            if (field[i] == ':' && field[i + 1] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
