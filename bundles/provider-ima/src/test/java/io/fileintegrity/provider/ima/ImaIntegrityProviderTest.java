package io.fileintegrity.provider.ima;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.provider.ima.log.MeasurementListWriter;
import io.fileintegrity.provider.ima.state.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImaIntegrityProviderTest {

    private static final String LIST = "sys/kernel/security/ima/binary_runtime_measurements";

    @TempDir
    Path host;
    @TempDir
    Path state;

    private final ImaIntegrityProvider provider = new ImaIntegrityProvider();
    private final List<FileChange> streamed = new ArrayList<>();

    private static MeasurementListWriter node(int files) {
        MeasurementListWriter w = new MeasurementListWriter().imaNg("sha256", sha("sha256", new byte[9]), "boot_aggregate");
        for (int i = 0; i < files; i++) {
            w.imaNg("sha256", sha("sha256", new byte[] {(byte) i}), "/usr/bin/tool" + i);
        }
        return w;
    }

    private void boot(MeasurementListWriter list, String bootId) throws IOException {
        Files.createDirectories(host.resolve(LIST).getParent());
        Files.write(host.resolve(LIST), list.binary());
        Files.createDirectories(host.resolve("sys/class/tpm/tpm0/pcr-sha256"));
        Files.writeString(host.resolve("sys/class/tpm/tpm0/pcr-sha256/10"),
                HexFormat.of().withUpperCase().formatHex(list.pcr10("sha256")) + "\n");
        Files.createDirectories(host.resolve("proc/sys/kernel/random"));
        Files.writeString(host.resolve("proc/sys/kernel/random/boot_id"), bootId + "\n");
    }

    private String policyFor(int files) {
        StringBuilder policy = new StringBuilder(HexFormat.of().formatHex(sha("sha256", new byte[9])) + " boot_aggregate\n");
        for (int i = 0; i < files; i++) {
            policy.append(HexFormat.of().formatHex(sha("sha256", new byte[] {(byte) i}))).append(" /usr/bin/tool").append(i).append('\n');
        }
        return policy.toString();
    }

    private ScanContext context(String policy) {
        return ScanContext.of(host, new ProviderConfig("fi/ima:policy", policy), state).withChanges(streamed::add);
    }

    @Test
    void describesItselfAsTheExperimentalImaProvider() {
        assertEquals("ima", provider.describe().name());
        assertEquals(Maturity.EXPERIMENTAL, provider.describe().maturity());
        assertFalse(provider.describe().keepsBaseline());
    }

    @Test
    void validateReportsPolicyProblemsWithTheirSource() {
        assertEquals("fi/ima:policy:1: JSON line 1 column 2: expected a member name in double quotes",
                provider.validate(new ProviderConfig("fi/ima:policy", "{]")).get(0).toString());
        assertTrue(provider.validate(new ProviderConfig("x", "")).isEmpty());
    }

    @Test
    void initializeVerifiesTheWholeListAndMatchesTheTpm() throws Exception {
        boot(node(3), "boot-1");
        ScanResult result = provider.initialize(context(policyFor(3)));
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.report() + result.errorMessage());
        assertEquals("4", result.details().get("ima.entries"));
        assertEquals("matched after entry 4 (bank hash of the template data)", result.details().get("ima.pcr10.sha256"));
        assertTrue(result.report().contains("PCR 10 sha256: matches after the last entry (4)"), result.report());
        assertTrue(Files.exists(state.resolve(CheckpointStore.FILE)));
    }

    @Test
    void checkReadsOnlyNewEntriesAndKeepsReportingAFindingUntilReinitialized() throws Exception {
        boot(node(3), "boot-1");
        provider.initialize(context(policyFor(4)));
        boot(node(5), "boot-1");
        ScanResult first = provider.check(context(policyFor(4)));
        assertEquals(Outcome.FAILED, first.outcome(), first.report());
        assertEquals("5", first.details().get("ima.checkedFrom"));
        assertEquals(2, first.statistics().filesScanned());
        assertEquals(List.of(new FileChange("/usr/bin/tool4", ChangeKind.ADDED,
                List.of(new io.fileintegrity.api.AttributeChange("ima-digest", "",
                        "sha256:" + HexFormat.of().formatHex(sha("sha256", new byte[] {4})))), "ima:not_in_allowlist")),
                first.changes());
        ScanResult again = provider.check(context(policyFor(4)));
        assertEquals(Outcome.FAILED, again.outcome());
        assertEquals(0, again.statistics().filesScanned());
        assertEquals(1, again.counts().added());
        assertEquals(Outcome.SUCCEEDED, provider.initialize(context(policyFor(5))).outcome());
        assertEquals(Outcome.SUCCEEDED, provider.check(context(policyFor(5))).outcome());
    }

    @Test
    void aListRewrittenWithoutARebootIsReportedAndCheckedAgainFromTheStart() throws Exception {
        boot(node(3), "boot-1");
        provider.initialize(context(policyFor(3)));
        MeasurementListWriter other = new MeasurementListWriter().imaNg("sha256", sha("sha256", new byte[9]), "boot_aggregate")
                .imaNg("sha256", sha("sha256", new byte[] {0}), "/usr/bin/tool0")
                .imaNg("sha256", sha("sha256", new byte[] {1}), "/usr/bin/tool1")
                .imaNg("sha256", sha("sha256", new byte[] {2}), "/usr/bin/toolX");
        boot(other, "boot-1");
        ScanResult result = provider.check(context(policyFor(3)));
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("rewritten", result.details().get("ima.restart"));
        assertEquals(1, result.counts().removed());
        assertEquals("ima:list_rewritten", result.changes().get(0).reason());
        assertEquals("/" + LIST, result.changes().get(0).path());
        assertEquals(1, result.counts().added());
    }

    @Test
    void aRebootStartsOverWithoutFindings() throws Exception {
        boot(node(4), "boot-1");
        provider.initialize(context(policyFor(4)));
        boot(node(2), "boot-2");
        ScanResult result = provider.check(context(policyFor(4)));
        assertEquals(Outcome.SUCCEEDED, result.outcome(), result.report());
        assertEquals("reboot", result.details().get("ima.restart"));
    }

    @Test
    void aPcrThatDoesNotMatchFailsTheCheckAtTheListLevel() throws Exception {
        boot(node(2), "boot-1");
        Files.writeString(host.resolve("sys/class/tpm/tpm0/pcr-sha256/10"), "AB".repeat(32));
        ScanResult result = provider.check(context(""));
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("ima:pcr_mismatch", result.changes().get(0).reason());
        assertEquals("mismatch", result.details().get("ima.pcr10.sha256"));
        assertEquals(result.changes(), streamed);
    }

    @Test
    void aTruncatedListIsErroredWithTheEntryNumberAndLeavesTheCheckpointAlone() throws Exception {
        boot(node(3), "boot-1");
        provider.initialize(context(policyFor(3)));
        byte[] checkpoint = Files.readAllBytes(state.resolve(CheckpointStore.FILE));
        byte[] list = node(5).binary();
        Files.write(host.resolve(LIST), Arrays.copyOf(list, list.length - 3));
        ScanResult result = provider.check(context(policyFor(5)));
        assertEquals(Outcome.ERRORED, result.outcome());
        assertTrue(result.errorMessage().startsWith("unreadable measurement list: /" + LIST + ": entry 6: list truncated"),
                result.errorMessage());
        assertTrue(Arrays.equals(checkpoint, Files.readAllBytes(state.resolve(CheckpointStore.FILE))));
    }

    @Test
    void missingListsAndBadParametersAreErrored() {
        ScanResult missing = provider.check(context(""));
        assertEquals(Outcome.ERRORED, missing.outcome());
        assertTrue(missing.errorMessage().startsWith("I/O error: no IMA measurement list under "), missing.errorMessage());
        ScanResult bad = provider.check(context("").withOptions(new ScanOptions(1, 0, 10, Map.of("ima.violations", "maybe"))));
        assertEquals("ima.violations=maybe: expected ignore or fail", bad.errorMessage());
        ScanResult policy = provider.check(context("zz /x\n"));
        assertEquals("invalid policy: fi/ima:policy:1: expected '<hex digest> <path>', the digest bare lower-case hex"
                + " of 40 to 128 digits", policy.errorMessage());
    }

    @Test
    void aCancelledCheckIsErroredAndLeavesTheCheckpointAlone() throws Exception {
        boot(node(3), "boot-1");
        provider.initialize(context(policyFor(3)));
        byte[] checkpoint = Files.readAllBytes(state.resolve(CheckpointStore.FILE));
        boot(node(1100), "boot-1");
        ScanResult result = provider.check(context(policyFor(3)).withCancellation(() -> true));
        assertEquals(Outcome.ERRORED, result.outcome());
        assertEquals("cancelled (cancelled at entry 1024); the checkpoint was left as it was", result.errorMessage());
        assertTrue(Arrays.equals(checkpoint, Files.readAllBytes(state.resolve(CheckpointStore.FILE))));
    }

    @Test
    void aCorruptCheckpointIsErroredAndKept() throws Exception {
        boot(node(2), "boot-1");
        Files.writeString(state.resolve(CheckpointStore.FILE), "version=1\nentries=x\n");
        ScanResult result = provider.check(context(""));
        assertEquals(Outcome.ERRORED, result.outcome());
        assertTrue(result.errorMessage().endsWith("ima-checkpoint.properties: missing listPath"), result.errorMessage());
        assertEquals("version=1\nentries=x\n", Files.readString(state.resolve(CheckpointStore.FILE)));
    }
}
