package io.fileintegrity.provider.ima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.AsciiMeasurementParser;
import io.fileintegrity.provider.ima.log.BinaryMeasurementParser;
import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.pcr.BankResult;
import io.fileintegrity.provider.ima.pcr.ExtendMode;
import io.fileintegrity.provider.ima.pcr.PcrFileReader;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.policy.AllowlistParser;
import io.fileintegrity.provider.ima.policy.PolicyJudge;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import io.fileintegrity.provider.ima.verify.ListVerifier;
import io.fileintegrity.provider.ima.verify.Reason;
import io.fileintegrity.provider.ima.verify.VerificationReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end on real lists that Debian's 6.1 kernel wrote under QEMU with a software TPM (see
 * src/test/resources/io/fileintegrity/provider/ima/kernel/README.md): parsing, template hashes, PCR 10
 * in four banks, boot_aggregate against the boot PCRs, policy verdicts and real evmctl signatures.
 */
public class KernelCaptureTest {

    private static final HexFormat HEX = HexFormat.of();

    public static Path capture(String name) throws Exception {
        return Path.of(KernelCaptureTest.class.getResource("/io/fileintegrity/provider/ima/kernel/" + name).toURI());
    }

    private static List<ImaEntry> read(MeasurementReader reader) throws Exception {
        List<ImaEntry> entries = new ArrayList<>();
        try (reader) {
            for (ImaEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
        }
        return entries;
    }

    static PcrValues tpm(String variant) throws Exception {
        PcrValues values = PcrValues.none();
        for (HashAlgorithm bank : HashAlgorithm.PCR_BANKS) {
            Path file = capture(variant).resolve("pcrs-" + bank + ".txt");
            if (Files.exists(file)) {
                values = values.merge(PcrFileReader.read(file));
            }
        }
        return values;
    }

    /** An allowlist of the data disk (PROVENANCE.txt) plus boot_aggregate computed from the boot PCRs. */
    public static String allowlist(String variant) throws Exception {
        boolean legacy = variant.equals("ima");
        String algorithm = legacy ? "sha1" : "sha256";
        StringBuilder list = new StringBuilder();
        boolean section = false;
        for (String line : Files.readAllLines(capture("PROVENANCE.txt"))) {
            if (line.startsWith("# ")) {
                section = line.startsWith("# " + algorithm + " ");
            } else if (section) {
                list.append(line).append('\n');
            }
        }
        list.append(HEX.formatHex(bootAggregate(variant, algorithm))).append(" boot_aggregate\n");
        if (variant.equals("ima-buf-keys")) {
            list.append("e10cdfe6ca9402f53845865d09305a63eef0fdfeb3d92a28cafca181326008ed %keyring:.builtin_trusted_keys\n");
        }
        return list.toString();
    }

    /** H(PCR 0..7) for SHA-1, H(PCR 0..9) for other banks; zeros without a TPM (research §5). */
    private static byte[] bootAggregate(String variant, String algorithm) throws Exception {
        MessageDigest digest = MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
        Path pcrs = capture(variant).resolve("pcrs-" + algorithm + ".txt");
        if (!Files.exists(pcrs)) {
            return new byte[digest.getDigestLength()];
        }
        List<String> lines = Files.readAllLines(pcrs);
        for (int i = 0; i < (algorithm.equals("sha1") ? 8 : 10); i++) {
            digest.update(HEX.parseHex(lines.get(i).split(" ")[1].toLowerCase()));
        }
        return digest.digest();
    }

    private static VerificationReport verify(String variant, String policy, SignatureKeys keys, PcrValues tpm,
            byte[] binary) throws Exception {
        Optional<PolicyJudge> judge = policy == null ? Optional.empty()
                : Optional.of(new PolicyJudge(AllowlistParser.parseAny("allowlist", policy).policy().orElseThrow(), keys));
        try (var reader = new BinaryMeasurementParser(new ByteArrayInputStream(binary), variant)) {
            return new ListVerifier(judge, tpm, false, true).verify(reader, Map.of(), 0, f -> { }, () -> false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ima-ng", "ima-sig", "default", "ima", "ima-buf-keys", "ima-ng-notpm"})
    void binaryAndTextListsAgreeEntryByEntry(String variant) throws Exception {
        Path dir = capture(variant);
        List<ImaEntry> binary = read(new BinaryMeasurementParser(Files.newInputStream(dir.resolve("binary_runtime_measurements")), variant));
        List<ImaEntry> text = read(new AsciiMeasurementParser(Files.newInputStream(dir.resolve("ascii_runtime_measurements")), variant));
        assertEquals(Long.parseLong(Files.readString(dir.resolve("runtime_measurements_count")).strip()), binary.size());
        assertEquals(binary.size(), text.size());
        for (int i = 0; i < binary.size(); i++) {
            assertEquals(text.get(i).name(), binary.get(i).name());
            assertArrayEquals(text.get(i).hashedData(), binary.get(i).hashedData(), variant + " entry " + (i + 1));
            assertArrayEquals(text.get(i).signature(), binary.get(i).signature());
        }
        assertTrue(binary.stream().anyMatch(e -> e.name().equals("/mnt/data/with_space.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ima-ng", "ima-sig", "default", "ima", "ima-buf-keys", "ima-ng-notpm"})
    void realListsPassTheirDiskContentsWithPcr10MatchingInEveryBank(String variant) throws Exception {
        Path dir = capture(variant);
        PcrValues tpm = tpm(variant);
        VerificationReport report = verify(variant, allowlist(variant), new SignatureKeys(), tpm,
                Files.readAllBytes(dir.resolve("binary_runtime_measurements")));
        assertTrue(report.clean(), report.findings().toString());
        assertEquals(Long.parseLong(Files.readString(dir.resolve("violations")).strip()), report.violations());
        assertEquals(variant.equals("ima-ng-notpm") ? 0 : 4, report.banks().size());
        assertEquals(variant.equals("ima-ng-notpm") ? "not checked (no TPM)"
                : variant.equals("ima") ? "matches sha1 PCR 0-7" : "matches sha256 PCR 0-9", report.bootAggregateCheck());
        for (BankResult bank : report.banks()) {
            assertEquals(report.lastEntry(), bank.matchedAtEntry(), bank.describe());
            // the 6.1 guest could not allocate sha384, so those banks get padded SHA-1 (research §6)
            assertEquals(bank.bank().size() > 32 ? ExtendMode.PADDED_SHA1 : ExtendMode.BANK_HASH, bank.matchedMode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ima-sig", "default"})
    void realEvmctlSignaturesVerifyWithTheCaptureCertificate(String variant) throws Exception {
        SignatureKeys keys = new SignatureKeys();
        keys.addCertificate(Files.readAllBytes(capture("ima-test-cert.pem")));
        String withoutSignedFiles = allowlist(variant).replaceAll("(?m)^.*(signed.txt|hello.sh|busybox)\n", "");
        byte[] binary = Files.readAllBytes(capture(variant).resolve("binary_runtime_measurements"));
        assertTrue(verify(variant, withoutSignedFiles, keys, PcrValues.none(), binary).clean());
        VerificationReport unsigned = verify(variant, withoutSignedFiles, new SignatureKeys(), PcrValues.none(), binary);
        assertEquals(3, unsigned.count(Reason.NOT_IN_POLICY));
    }

    @Test
    void aByteChangedInARealBinaryListBreaksItsTemplateHashAndTheSha256Bank() throws Exception {
        byte[] binary = Files.readAllBytes(capture("ima-ng").resolve("binary_runtime_measurements"));
        String text = new String(binary, java.nio.charset.StandardCharsets.ISO_8859_1);
        binary[text.indexOf("/mnt/data/a.txt") - 5] ^= 1; // last byte of that entry's file digest
        VerificationReport report = verify("ima-ng", null, new SignatureKeys(), tpm("ima-ng"), binary);
        assertEquals(1, report.count(Reason.TEMPLATE_HASH));
        assertEquals(3, report.findings().get(0).entry());
        // the logged template hashes still replay the banks that got padded SHA-1 (and SHA-1 itself);
        // the sha256 bank, extended with the kernel's own hash of the data, no longer matches
        assertEquals(1, report.count(Reason.PCR_MISMATCH));
        assertEquals("pcr10-sha256", report.findings().get(1).attribute());
        assertTrue(report.findings().get(1).detail().endsWith("does not verify is 3"));
    }

    /** Lays the capture's PCR files out as /sys/class/tpm/tpm0/pcr-<bank>/<index>. */
    private static void sysfs(Path host, String variant) throws Exception {
        for (HashAlgorithm bank : HashAlgorithm.PCR_BANKS) {
            Path dir = Files.createDirectories(host.resolve("sys/class/tpm/tpm0/pcr-" + bank));
            for (String line : Files.readAllLines(capture(variant).resolve("pcrs-" + bank + ".txt"))) {
                String[] parts = line.split(" ");
                Files.writeString(dir.resolve(parts[0]), parts[1] + "\n");
            }
        }
    }

    @Test
    void aBootAggregateThatIsNotTheHashOfTheBootPcrsIsAFinding(@TempDir Path host, @TempDir Path state) throws Exception {
        Path ima = Files.createDirectories(host.resolve("sys/kernel/security/ima"));
        Files.copy(capture("ima-ng").resolve("binary_runtime_measurements"), ima.resolve("binary_runtime_measurements"));
        sysfs(host, "ima-ng");
        Files.writeString(host.resolve("sys/class/tpm/tpm0/pcr-sha256/4"), "00".repeat(32) + "\n");
        ScanResult result = new ImaIntegrityProvider().check(ScanContext.of(host, new ProviderConfig("cm/ima", ""), state));
        assertEquals(Outcome.FAILED, result.outcome(), result.report());
        assertEquals("ima:boot_aggregate", result.changes().get(0).reason());
        assertEquals("boot_aggregate", result.changes().get(0).path());
        assertEquals("mismatch", result.details().get("ima.bootAggregateCheck"));
        assertEquals(1, result.counts().changed());
    }

    @Test
    void theProviderChecksARealCaptureLaidOutAsAHostRoot(@TempDir Path host, @TempDir Path state) throws Exception {
        Path ima = Files.createDirectories(host.resolve("sys/kernel/security/ima"));
        Files.copy(capture("ima-sig").resolve("binary_runtime_measurements"), ima.resolve("binary_runtime_measurements"));
        sysfs(host, "ima-sig");
        ScanResult result = new ImaIntegrityProvider().initialize(
                ScanContext.of(host, new ProviderConfig("cm/ima", allowlist("ima-sig")), state));
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.report() + result.errorMessage());
        assertEquals("matched after entry 12 (SHA-1 template hash, zero-padded)", result.details().get("ima.pcr10.sha512"));
        assertEquals("sha256:07fd2b5d128f432a3eb64e90052e6838d3b74714c67a71eeaf51b80905089cec",
                result.details().get("ima.bootAggregate"));
        assertEquals("matches sha256 PCR 0-9", result.details().get("ima.bootAggregateCheck"));
        assertEquals(Outcome.SUCCEEDED, new ImaIntegrityProvider().check(
                ScanContext.of(host, new ProviderConfig("cm/ima", allowlist("ima-sig")), state)).outcome());
    }
}
