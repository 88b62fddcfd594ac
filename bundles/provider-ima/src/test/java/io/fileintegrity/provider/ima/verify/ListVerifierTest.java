package io.fileintegrity.provider.ima.verify;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.provider.ima.SharedFixtures;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.AsciiMeasurementParser;
import io.fileintegrity.provider.ima.log.MeasurementListWriter;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.policy.AllowlistParser;
import io.fileintegrity.provider.ima.policy.PolicyGenerator;
import io.fileintegrity.provider.ima.policy.PolicyJudge;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListVerifierTest {

    static VerificationReport verify(byte[] list, String policy, PcrValues tpm, boolean failOnViolations,
            List<Finding> sink) throws Exception {
        Optional<PolicyJudge> judge = policy == null ? Optional.empty() : Optional.of(new PolicyJudge(
                AllowlistParser.parseAny("policy", policy).policy().orElseThrow(), new SignatureKeys()));
        try (var reader = new AsciiMeasurementParser(new ByteArrayInputStream(list), "list")) {
            return new ListVerifier(judge, tpm, failOnViolations).verify(reader, Map.of(), 0, sink::add, () -> false);
        }
    }

    static VerificationReport verify(byte[] list, String policy, PcrValues tpm) throws Exception {
        return verify(list, policy, tpm, false, new ArrayList<>());
    }

    static String policyOf(byte[] list) throws Exception {
        try (var reader = new AsciiMeasurementParser(new ByteArrayInputStream(list), "trusted")) {
            return new PolicyGenerator().add(reader).toJson(Instant.EPOCH);
        }
    }

    static PcrValues tpmOf(MeasurementListWriter w) {
        Map<HashAlgorithm, byte[]> banks = new LinkedHashMap<>();
        HashAlgorithm.PCR_BANKS.forEach(b -> banks.put(b, w.pcr10(b.kernelName())));
        return new PcrValues("tpm", banks);
    }

    static MeasurementListWriter node(byte[] changedDigest) {
        MeasurementListWriter w = new MeasurementListWriter()
                .imaNg("sha256", sha("sha256", new byte[9]), "boot_aggregate");
        for (int i = 0; i < 5; i++) {
            w.imaNg("sha256", i == 3 && changedDigest != null ? changedDigest : sha("sha256", new byte[] {(byte) i}),
                    "/usr/bin/tool" + i);
        }
        return w.violation("sha256", "/var/log/messages");
    }

    @Test
    void theRealRustKeylimeListPassesAgainstAPolicyMadeFromItself() throws Exception {
        byte[] list = Files.readAllBytes(SharedFixtures.ima("rust-keylime-agent-ascii_runtime_measurements"));
        VerificationReport report = verify(list, policyOf(list), PcrValues.none());
        assertTrue(report.clean(), report.findings().toString());
        assertEquals(826, report.lastEntry());
        assertEquals("sha1:" + "00".repeat(20), report.bootAggregate());
    }

    @Test
    void everyEntryOfTheRealListIsNotInKeylimesSimplePolicy() throws Exception {
        byte[] list = Files.readAllBytes(SharedFixtures.ima("rust-keylime-agent-ascii_runtime_measurements"));
        VerificationReport report = verify(list,
                Files.readString(SharedFixtures.ima("keylime-runtime-policy-simple.json")), PcrValues.none());
        assertEquals(826, report.count(Reason.NOT_IN_POLICY));
        assertEquals(826, report.findingCount());
    }

    @Test
    void keylimesAllowlistKeepsRelativePathsSoItsDataEntryDoesNotCoverSlashData() throws Exception {
        VerificationReport report = verify(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sha256")),
                Files.readString(SharedFixtures.ima("keylime-allowlist-sha256")), PcrValues.none());
        assertEquals(List.of("boot_aggregate", "/data"), report.findings().stream().map(Finding::path).toList());
        assertEquals(2, report.count(Reason.NOT_IN_POLICY));
    }

    @Test
    void keylimeFixtureLogsPassWithTheirDigestsAndAZeroBootAggregateIsAViolation() throws Exception {
        VerificationReport sha1 = verify(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sha1")),
                "009b0d8ee8fb8d890fa70f9c8e02b3f1eded1509 /data\n", PcrValues.none());
        assertTrue(sha1.clean(), sha1.findings().toString());
        assertEquals(1, sha1.violations());
        VerificationReport sha384 = verify(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sha384")),
                "20393b3e109c55b3128ba761bab1c555d8f39afe118eb1a29929ba8e017e8b2cdfc805c304e10d280604a829145ba6f0 /data\n",
                PcrValues.none());
        assertTrue(sha384.clean(), sha384.findings().toString());
    }

    @Test
    void theSm3FixtureWhoseTemplateHashIsNotAHashOfItsDataFails() throws Exception {
        VerificationReport report = verify(Files.readAllBytes(SharedFixtures.ima("keylime-ima-log-sm3_256")), null,
                PcrValues.none());
        assertEquals(1, report.count(Reason.TEMPLATE_HASH));
        assertEquals(2, report.findings().get(0).entry());
    }

    @Test
    void aCleanListMatchesTheTpmInEveryBankAndViolationsPassByDefault() throws Exception {
        MeasurementListWriter w = node(null);
        VerificationReport report = verify(w.text(), policyOf(w.text()), tpmOf(w));
        assertTrue(report.clean(), report.findings().toString());
        assertEquals(4, report.banks().size());
        assertEquals(1, report.violations());
        List<Finding> sink = new ArrayList<>();
        assertEquals(1, verify(w.text(), policyOf(w.text()), tpmOf(w), true, sink).count(Reason.VIOLATION));
        assertEquals("ima:tomtou", sink.get(0).toChange().reason());
    }

    @Test
    void tamperedChangedDigestIsAChangedFileWithBothDigests() throws Exception {
        String policy = policyOf(node(null).text());
        MeasurementListWriter tampered = node(sha("sha256", "evil".getBytes()));
        List<Finding> sink = new ArrayList<>();
        VerificationReport report = verify(tampered.text(), policy, tpmOf(tampered), false, sink);
        assertEquals(1, report.findingCount());
        FileChange change = sink.get(0).toChange();
        assertEquals(new FileChange("/usr/bin/tool3", ChangeKind.CHANGED, List.of(new io.fileintegrity.api.AttributeChange(
                "ima-digest", HexFormat.of().formatHex(sha("sha256", new byte[] {3})),
                "sha256:" + HexFormat.of().formatHex(sha("sha256", "evil".getBytes())))), "ima:runtime_policy_hash"), change);
    }

    @Test
    void tamperedRemovedEntryBreaksThePcrReplayInEveryBank() throws Exception {
        MeasurementListWriter w = node(null);
        byte[] removed = dropLine(w.text(), 3);
        VerificationReport report = verify(removed, policyOf(w.text()), tpmOf(w));
        assertEquals(4, report.count(Reason.PCR_MISMATCH));
        assertEquals(0, report.count(Reason.TEMPLATE_HASH));
        assertTrue(report.findings().get(0).detail().startsWith("every template hash verifies"));
    }

    @Test
    void tamperedReorderedListBreaksThePcrReplay() throws Exception {
        MeasurementListWriter w = node(null);
        String[] lines = new String(w.text(), StandardCharsets.UTF_8).split("\n");
        String swap = lines[2];
        lines[2] = lines[3];
        lines[3] = swap;
        VerificationReport report = verify((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                policyOf(w.text()), tpmOf(w));
        assertEquals(4, report.count(Reason.PCR_MISMATCH));
        assertEquals(4, report.findingCount());
    }

    @Test
    void tamperedForgedTemplateHashIsFoundAndNamedAsWhereTheReplayDiverges() throws Exception {
        MeasurementListWriter w = node(null);
        String good = HexFormat.of().formatHex(sha("sha256", new byte[] {2}));
        String forged = new String(w.text(), StandardCharsets.UTF_8).replace(good, "ab".repeat(32));
        VerificationReport report = verify(forged.getBytes(StandardCharsets.UTF_8), null, tpmOf(w));
        assertEquals(1, report.count(Reason.TEMPLATE_HASH));
        Finding first = report.findings().get(0);
        assertEquals(4, first.entry());
        assertEquals("ima:ima_hash", first.toChange().reason());
        assertTrue(report.count(Reason.PCR_MISMATCH) >= 3, report.findings().toString());
        assertTrue(report.findings().get(1).detail().endsWith("does not verify is 4"), report.findings().get(1).detail());
    }

    @Test
    void tamperedPcrThatDoesNotMatchIsAListWideFinding() throws Exception {
        MeasurementListWriter w = node(null);
        byte[] wrong = new byte[32];
        Arrays.fill(wrong, (byte) 7);
        VerificationReport report = verify(w.text(), null, new PcrValues("tpm", Map.of(HashAlgorithm.SHA256, wrong)));
        assertEquals(1, report.findingCount());
        Finding finding = report.findings().get(0);
        assertEquals(0, finding.entry());
        assertEquals("list", finding.path());
        assertEquals("pcr10-sha256", finding.attribute());
        assertEquals("list list: pcr_mismatch pcr10-sha256 expected " + "07".repeat(32) + " found "
                + HexFormat.of().formatHex(report.banks().get(0).replayValue())
                + " (every template hash verifies: entries were removed, reordered or added without extending)",
                finding.describe());
    }

    @Test
    void tamperedPolicyMissingAFileReportsAnAddedMeasurement() throws Exception {
        MeasurementListWriter w = node(null);
        String policy = policyOf(w.text()).replaceFirst("\"/usr/bin/tool1\": \\[\"[0-9a-f]+\"\\],\\s*", "");
        List<Finding> sink = new ArrayList<>();
        VerificationReport report = verify(w.text(), policy, tpmOf(w), false, sink);
        assertEquals(1, report.findingCount());
        FileChange change = sink.get(0).toChange();
        assertEquals(ChangeKind.ADDED, change.kind());
        assertEquals("/usr/bin/tool1", change.path());
        assertEquals("ima:not_in_allowlist", change.reason());
    }

    @Test
    void replayingTheLargeBanksOnASecondThreadGivesTheSameResults() throws Exception {
        MeasurementListWriter w = node(null);
        for (int i = 0; i < 3000; i++) {
            w.imaNg("sha256", sha("sha256", Integer.toString(i).getBytes()), "/lib/l" + i);
        }
        Map<HashAlgorithm, byte[]> banks = new LinkedHashMap<>(tpmOf(w).pcr10());
        banks.put(HashAlgorithm.SHA512, new byte[64]);
        PcrValues tpm = new PcrValues("tpm", banks);
        List<VerificationReport> reports = new ArrayList<>();
        for (boolean parallel : new boolean[] {false, true}) {
            try (var reader = new AsciiMeasurementParser(new ByteArrayInputStream(w.text()), "list")) {
                reports.add(new ListVerifier(Optional.empty(), tpm, false, parallel)
                        .verify(reader, Map.of(), 0, f -> { }, () -> false));
            }
        }
        assertEquals(reports.get(0).banks().stream().map(b -> b.describe()).toList(),
                reports.get(1).banks().stream().map(b -> b.describe()).toList());
        assertEquals(1, reports.get(1).count(Reason.PCR_MISMATCH));
        assertTrue(reports.get(1).banks().get(2).matched(), reports.get(1).banks().get(2).describe());
        for (String key : reports.get(0).runningValues().keySet()) {
            assertTrue(Arrays.equals(reports.get(0).runningValues().get(key), reports.get(1).runningValues().get(key)), key);
        }
    }

    @Test
    void progressIsReportedEvery1024EntriesAndCancellationStopsTheCheck() throws Exception {
        MeasurementListWriter w = node(null);
        for (int i = 0; i < 2100; i++) {
            w.imaNg("sha256", sha("sha256", Integer.toString(i).getBytes()), "/lib/l" + i);
        }
        List<Long> seen = new ArrayList<>();
        try (var reader = new AsciiMeasurementParser(new ByteArrayInputStream(w.text()), "list")) {
            new ListVerifier(Optional.empty(), PcrValues.none(), false)
                    .verify(reader, Map.of(), 0, f -> { }, () -> false, (entry, position) -> seen.add(entry));
        }
        assertEquals(List.of(1024L, 2048L), seen);
        try (var reader = new AsciiMeasurementParser(new ByteArrayInputStream(w.text()), "list")) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                    () -> new ListVerifier(Optional.empty(), PcrValues.none(), false)
                            .verify(reader, Map.of(), 0, f -> { }, () -> true));
            assertEquals("cancelled at entry 1024", e.getMessage());
        }
    }

    private static byte[] dropLine(byte[] text, int index) {
        List<String> lines = new ArrayList<>(List.of(new String(text, StandardCharsets.UTF_8).split("\n")));
        lines.remove(index);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
