package io.fileintegrity.provider.ima.cli;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ima.SharedFixtures;
import io.fileintegrity.provider.ima.log.MeasurementListWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImaCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private MeasurementListWriter list;

    @BeforeEach
    void writeNode() throws Exception {
        list = new MeasurementListWriter().imaNg("sha256", sha("sha256", new byte[9]), "boot_aggregate")
                .imaNg("sha256", sha("sha256", new byte[] {1}), "/usr/bin/one")
                .imaNg("sha256", sha("sha256", new byte[] {2}), "/usr/bin/two");
        Files.write(dir.resolve("binary_runtime_measurements"), list.binary());
        Files.write(dir.resolve("ascii_runtime_measurements"), list.text());
        Files.writeString(dir.resolve("pcrs.txt"), "sha1:\n  10: 0x" + HexFormat.of().formatHex(list.pcr10("sha1"))
                + "\nsha256:\n  10: 0x" + HexFormat.of().formatHex(list.pcr10("sha256")) + "\n");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new ImaCommand().run(new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, false, Map.of()));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("Usage:\n  fio ima verify --log FILE"), out());
        assertEquals(0, run("verify", "--help"));
        assertEquals(15, run());
    }

    @Test
    void policyFromALogThenVerifyWithPcrsPasses() {
        assertEquals(0, run("policy", "--from-log", "binary_runtime_measurements", "--output", "policy.json"));
        assertEquals(0, run("verify", "--log", "binary_runtime_measurements", "--pcrs", "pcrs.txt", "--policy", "policy.json"));
        assertTrue(out().contains("PCR 10 sha1: matches after the last entry (3), bank hash of the template data"), out());
        assertTrue(out().contains("PCR 10 sha256: matches after the last entry (3)"), out());
        assertTrue(out().endsWith("Findings: 0\n"), out());
        assertEquals(0, run("verify", "--log", "ascii_runtime_measurements", "--pcrs", "pcrs.txt", "--policy", "policy.json"));
    }

    @Test
    void exitCodeIsABitmaskOfAddedAndChanged() throws Exception {
        String one = HexFormat.of().formatHex(sha("sha256", new byte[] {1}));
        Files.writeString(dir.resolve("missing-two.txt"), one + " /usr/bin/one\n" + one + " boot_aggregate\n");
        assertEquals(1 | 4, run("verify", "--log", "binary_runtime_measurements", "--policy", "missing-two.txt"));
        assertTrue(out().contains("Findings: 2 (not_in_allowlist 1, runtime_policy_hash 1)"), out());
        assertTrue(out().contains("entry 3 /usr/bin/two: not_in_allowlist ima-digest found sha256:"), out());
        Files.writeString(dir.resolve("bad-pcr.txt"), "sha256:10 " + "00".repeat(32) + "\n");
        assertEquals(4, run("verify", "--log", "binary_runtime_measurements", "--pcrs", "bad-pcr.txt"));
    }

    @Test
    void theRealKeylimeListVerifiesAgainstAPolicyMadeFromIt() {
        String fixture = SharedFixtures.ima("rust-keylime-agent-ascii_runtime_measurements").toString();
        assertEquals(0, run("policy", "--from-log", fixture, "--ascii", "--output", "p.json"));
        assertEquals(0, run("verify", "--log", fixture, "--policy", "p.json"));
        assertTrue(out().contains("Entries: 826 (checked 1..826)"), out());
    }

    @Test
    void aRealCaptureVerifiesWithItsPcrFilesAndSignatureCertificate() throws Exception {
        Path capture = io.fileintegrity.provider.ima.KernelCaptureTest.capture("ima-sig");
        Files.writeString(dir.resolve("disk.txt"), io.fileintegrity.provider.ima.KernelCaptureTest.allowlist("ima-sig")
                .replaceAll("(?m)^.*(signed.txt|hello.sh|busybox)\n", ""));
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--log", capture.resolve("binary_runtime_measurements").toString(),
                "--policy", "disk.txt", "--keys",
                io.fileintegrity.provider.ima.KernelCaptureTest.capture("ima-test-cert.der").toString()));
        for (String bank : List.of("sha1", "sha256", "sha384", "sha512")) {
            args.add("--pcrs");
            args.add(capture.resolve("pcrs-" + bank + ".txt").toString());
        }
        assertEquals(0, run(args.toArray(String[]::new)), out() + err());
        assertTrue(out().contains("PCR 10 sha384: matches after the last entry (12), SHA-1 template hash, zero-padded"), out());
        assertEquals(1, run(args.subList(0, 5).toArray(String[]::new)));
        assertTrue(out().contains("Findings: 3 (not_in_allowlist 3)"), out());
    }

    @Test
    void errorsHaveDocumentedExitCodesAndNameTheFile() throws Exception {
        assertEquals(18, run("verify", "--log", "nope"));
        assertTrue(err().startsWith("fio ima verify: " + dir.resolve("nope") + ": cannot read"), err());
        Files.write(dir.resolve("garbage_binary"), "this is not a list".getBytes(StandardCharsets.UTF_8));
        assertEquals(24, run("verify", "--log", "garbage_binary"));
        assertTrue(err().contains(": entry 1: PCR index"), err());
        Files.writeString(dir.resolve("bad.json"), "{\"meta\": 1}");
        assertEquals(17, run("verify", "--log", "binary_runtime_measurements", "--policy", "bad.json"));
        assertTrue(err().contains("bad.json: missing member \"release\""), err());
        assertEquals(15, run("verify", "--log", "x", "--pcrs", "a", "--tpm", "b"));
        assertEquals("fio ima: give --pcrs or --tpm, not both\nTry 'fio ima --help'.\n", err());
        assertEquals(15, run("verify", "--frobnicate"));
        assertEquals(15, run("audit"));
        assertEquals(18, run("verify", "--log", "binary_runtime_measurements", "--tpm", "no-such-tpm"));
        Files.writeString(dir.resolve("notacert.pem"), "hello");
        assertEquals(17, run("verify", "--log", "binary_runtime_measurements", "--keys", "notacert.pem"));
    }
}
