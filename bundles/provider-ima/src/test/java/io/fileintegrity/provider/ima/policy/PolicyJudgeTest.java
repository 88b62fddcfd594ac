package io.fileintegrity.provider.ima.policy;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.provider.ima.log.AsciiMeasurementParser;
import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.log.MeasurementListWriter;
import io.fileintegrity.provider.ima.policy.Verdict.Judgement;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyJudgeTest {

    /** SHA-256 of "signed content\n", which the test signature signs (see the resources' README). */
    static final String SIGNED_DIGEST = "3011c1b3b00a41b72b592e4766d34fdf693cf26c4d352344ac1e65b33c9b2f17";

    static byte[] resource(String name) throws Exception {
        try (InputStream in = PolicyJudgeTest.class.getResourceAsStream("/io/fileintegrity/provider/ima/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] signature() throws Exception {
        return HexFormat.of().parseHex(new String(resource("signed-content.ima-sig.hex"), StandardCharsets.US_ASCII).strip());
    }

    private static List<Verdict> judge(String policyJson, SignatureKeys keys, MeasurementListWriter list) throws Exception {
        PolicyJudge judge = new PolicyJudge(RuntimePolicyParser.parse("p", policyJson).policy().orElseThrow(), keys);
        List<Verdict> verdicts = new ArrayList<>();
        try (var parser = new AsciiMeasurementParser(new ByteArrayInputStream(list.text()), "t")) {
            for (ImaEntry e = parser.next(); e != null; e = parser.next()) {
                verdicts.add(judge.judge(e));
            }
        }
        return verdicts;
    }

    private static String policy(String digests, String keyrings, String ignored, String verificationKeys) {
        return "{\"meta\": {\"version\": 1}, \"release\": 0, \"digests\": {" + digests + "}, \"excludes\": [\"^/tmp/\"],"
                + " \"keyrings\": {" + keyrings + "}, \"ima\": {\"ignored_keyrings\": [" + ignored + "],"
                + " \"log_hash_alg\": \"sha1\", \"dm_policy\": null}, \"ima-buf\": {\"kexec-cmdline\": [\""
                + HexFormat.of().formatHex(sha("sha256", "ro".getBytes())) + "\"]}, \"verification-keys\": "
                + verificationKeys + "}";
    }

    @Test
    void digestsExcludesAndBuffersGetKeylimesVerdicts() throws Exception {
        byte[] good = sha("sha256", new byte[] {1});
        MeasurementListWriter list = new MeasurementListWriter()
                .imaNg("sha256", good, "/bin/a")
                .imaNg("sha256", sha("sha256", new byte[] {2}), "/bin/a")
                .imaNg("sha256", good, "/bin/unknown")
                .imaNg("sha256", good, "/tmp/anything")
                .imaBuf("sha256", "kexec-cmdline", "ro".getBytes())
                .imaBuf("sha256", "kexec-cmdline", "rw".getBytes())
                .imaBuf("sha256", "selinux-state", "x".getBytes());
        List<Verdict> verdicts = judge(policy("\"/bin/a\": [\"" + HexFormat.of().formatHex(good) + "\"]", "", "", "\"\""),
                new SignatureKeys(), list);
        assertEquals(List.of(Judgement.ALLOWED, Judgement.DIGEST_MISMATCH, Judgement.NOT_IN_POLICY, Judgement.EXCLUDED,
                Judgement.ALLOWED, Judgement.DIGEST_MISMATCH, Judgement.NOT_IN_POLICY),
                verdicts.stream().map(Verdict::judgement).toList());
        assertEquals(List.of(HexFormat.of().formatHex(good)), verdicts.get(1).expected());
    }

    @Test
    void signedFilesVerifyWithAGivenCertificate() throws Exception {
        SignatureKeys keys = new SignatureKeys();
        keys.addCertificate(resource("ima-test-cert.pem"));
        byte[] digest = HexFormat.of().parseHex(SIGNED_DIGEST);
        MeasurementListWriter list = new MeasurementListWriter()
                .imaSig("sha256", digest, "/usr/bin/signed", signature())
                .imaSig("sha256", sha("sha256", digest), "/usr/bin/tampered", signature())
                .imaSig("sha256", digest, "/usr/bin/unsigned", new byte[0]);
        List<Verdict> verdicts = judge(policy("", "", "", "\"\""), keys, list);
        assertEquals(Judgement.SIGNED, verdicts.get(0).judgement());
        assertEquals(new Verdict(Judgement.INVALID_SIGNATURE, List.of(), "signature does not verify with key 2e4a4205"),
                verdicts.get(1));
        assertEquals(Judgement.NOT_IN_POLICY, verdicts.get(2).judgement());
    }

    @Test
    void keysMeasuredOntoAnAllowedKeyringAreLearnedForLaterSignatures() throws Exception {
        byte[] der = resource("ima-test-cert.der");
        byte[] digest = HexFormat.of().parseHex(SIGNED_DIGEST);
        MeasurementListWriter list = new MeasurementListWriter()
                .imaBuf("sha256", ".ima", der)
                .imaSig("sha256", digest, "/usr/bin/signed", signature());
        String allowed = "\".ima\": [\"" + HexFormat.of().formatHex(sha("sha256", der)) + "\"]";
        assertEquals(List.of(Judgement.ALLOWED, Judgement.SIGNED),
                judge(policy("", allowed, "", "\"\""), new SignatureKeys(), list).stream().map(Verdict::judgement).toList());
        assertEquals(List.of(Judgement.NOT_IN_POLICY, Judgement.NOT_IN_POLICY),
                judge(policy("", "", "", "\"\""), new SignatureKeys(), list).stream().map(Verdict::judgement).toList());
        assertEquals(List.of(Judgement.IGNORED_KEYRING, Judgement.NOT_IN_POLICY),
                judge(policy("", allowed, "\"*\"", "\"\""), new SignatureKeys(), list).stream().map(Verdict::judgement).toList());
    }

    @Test
    void verificationKeysInThePolicyVerifySignatures() throws Exception {
        var certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(resource("ima-test-cert.der")));
        String keyring = "{\\\"pubkeys\\\": [\\\"" + Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded())
                + "\\\"], \\\"keyids\\\": []}";
        MeasurementListWriter list = new MeasurementListWriter()
                .imaSig("sha256", HexFormat.of().parseHex(SIGNED_DIGEST), "/usr/bin/signed", signature());
        assertEquals(Judgement.SIGNED, judge(policy("", "", "", "\"" + keyring + "\""), new SignatureKeys(), list)
                .get(0).judgement());
    }

    @Test
    void aKeyringMeasurementThatIsNotACertificateIsAnInvalidKey() throws Exception {
        byte[] junk = "not a certificate".getBytes();
        MeasurementListWriter list = new MeasurementListWriter().imaBuf("sha256", ".ima", junk);
        String allowed = "\".ima\": [\"" + HexFormat.of().formatHex(sha("sha256", junk)) + "\"]";
        assertEquals(Judgement.INVALID_KEY, judge(policy("", allowed, "", "\"\""), new SignatureKeys(), list)
                .get(0).judgement());
    }
}
