package io.fileintegrity.itest.nodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The host root of an IMA node as the agent pod sees it: the kernel's binary measurement list in securityfs
 * ({@code sys/kernel/security/ima/}), the TPM's PCRs in sysfs ({@code sys/class/tpm/tpm0/pcr-<bank>/<index>})
 * and the boot id, laid out from a real capture (provider-ima's ima-ng capture, a Debian 6.1 kernel with swtpm).
 * {@link #execute} plays the kernel measuring one more file: it appends the ima-ng entry and extends PCR 10 of
 * every bank the way that kernel did (sha1 and sha256 with the bank's own hash of the template data, sha384 and
 * sha512 with the zero-padded SHA-1 template hash), so the TPM still agrees with the list.
 */
final class ImaHostRoot {

    private static final String LIST = "sys/kernel/security/ima/binary_runtime_measurements";
    private static final String TPM = "sys/class/tpm/tpm0";
    private static final List<String> BANKS = List.of("sha1", "sha256", "sha384", "sha512");
    private static final HexFormat HEX = HexFormat.of();

    private ImaHostRoot() {}

    /** Lays the capture out under {@code root}, with FIO's {@code etc/kubernetes} for the agent's state. */
    static Path create(Path root, Path capture) throws IOException {
        Path list = root.resolve(LIST);
        Files.createDirectories(list.getParent());
        Files.copy(capture.resolve("binary_runtime_measurements"), list);
        for (String bank : BANKS) {
            Path dir = Files.createDirectories(root.resolve(TPM).resolve("pcr-" + bank));
            for (String line : Files.readAllLines(capture.resolve("pcrs-" + bank + ".txt"))) {
                String[] indexAndValue = line.trim().split("\\s+");
                Files.writeString(dir.resolve(indexAndValue[0]), indexAndValue[1].toUpperCase(Locale.ROOT) + "\n");
            }
        }
        Files.createDirectories(root.resolve("proc/sys/kernel/random"));
        Files.writeString(root.resolve("proc/sys/kernel/random/boot_id"), "5f0e6f0c-3c1e-4d0e-9a57-0c8d9e1f2a3b\n");
        Files.createDirectories(root.resolve("etc/kubernetes"));
        return root;
    }

    /** The kernel measures {@code path} (content {@code content}) under the ima-ng template, as on exec. */
    static void execute(Path root, String path, byte[] content) throws IOException {
        byte[] data = templateData(path, sha("SHA-256", content));
        byte[] templateHash = sha("SHA-1", data);
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.writeBytes(le(10));
        entry.writeBytes(templateHash);
        byte[] name = "ima-ng".getBytes(StandardCharsets.US_ASCII);
        entry.writeBytes(le(name.length));
        entry.writeBytes(name);
        entry.writeBytes(le(data.length));
        entry.writeBytes(data);
        Files.write(root.resolve(LIST), entry.toByteArray(), StandardOpenOption.APPEND);
        for (String bank : BANKS) {
            Path pcr = root.resolve(TPM).resolve("pcr-" + bank).resolve("10");
            byte[] old = HEX.parseHex(Files.readString(pcr).trim().toLowerCase(Locale.ROOT));
            byte[] measurement = bank.equals("sha1") || bank.equals("sha256") ? sha(algorithm(bank), data)
                    : java.util.Arrays.copyOf(templateHash, old.length);
            byte[] extended = sha(algorithm(bank), concat(old, measurement));
            Files.writeString(pcr, HEX.formatHex(extended).toUpperCase(Locale.ROOT) + "\n");
        }
    }

    /** ima-ng template data: {@code d-ng} ("sha256:" NUL digest) and {@code n-ng} (path NUL), each length-prefixed. */
    private static byte[] templateData(String path, byte[] digest) {
        byte[] prefix = "sha256:\0".getBytes(StandardCharsets.US_ASCII);
        byte[] name = (path + "\0").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(le(prefix.length + digest.length));
        data.writeBytes(prefix);
        data.writeBytes(digest);
        data.writeBytes(le(name.length));
        data.writeBytes(name);
        return data.toByteArray();
    }

    private static String algorithm(String bank) {
        return bank.equals("sha1") ? "SHA-1" : "SHA-" + bank.substring(3);
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
