package io.fileintegrity.provider.ima.pcr;

import static io.fileintegrity.provider.ima.log.MeasurementListWriter.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.AsciiMeasurementParser;
import io.fileintegrity.provider.ima.log.ImaEntry;
import io.fileintegrity.provider.ima.log.MeasurementListWriter;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PcrReplayTest {

    private static MeasurementListWriter list(int files) {
        MeasurementListWriter w = new MeasurementListWriter().imaNg("sha256", sha("sha256", new byte[1]), "boot_aggregate");
        for (int i = 0; i < files; i++) {
            w.imaNg("sha256", sha("sha256", new byte[] {(byte) i}), "/bin/f" + i);
            if (i == 1) {
                w.violation("sha256", "/var/log/x");
            }
        }
        return w;
    }

    private static List<ImaEntry> entries(MeasurementListWriter w) throws Exception {
        List<ImaEntry> out = new ArrayList<>();
        try (var parser = new AsciiMeasurementParser(new ByteArrayInputStream(w.text()), "t")) {
            for (ImaEntry e = parser.next(); e != null; e = parser.next()) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<BankResult> replay(List<ImaEntry> entries, Map<HashAlgorithm, byte[]> tpm) {
        PcrReplay replay = new PcrReplay(new PcrValues("test", tpm), Map.of(), 0);
        EntryDigester digester = new EntryDigester();
        for (ImaEntry e : entries) {
            digester.reset(e);
            replay.extend(e, digester);
        }
        return replay.results();
    }

    @Test
    void replayMatchesEveryBankExtendedWithItsOwnHashIncludingViolations() throws Exception {
        MeasurementListWriter w = list(3);
        Map<HashAlgorithm, byte[]> tpm = new LinkedHashMap<>();
        for (HashAlgorithm bank : HashAlgorithm.PCR_BANKS) {
            tpm.put(bank, w.pcr10(bank.kernelName()));
        }
        List<BankResult> results = replay(entries(w), tpm);
        assertEquals(4, results.size());
        for (BankResult r : results) {
            assertTrue(r.matched(), r.describe());
            assertEquals(ExtendMode.BANK_HASH, r.matchedMode());
            assertEquals(5, r.matchedAtEntry());
        }
        assertEquals("PCR 10 sha256: matches after the last entry (5), bank hash of the template data",
                results.get(1).describe());
    }

    @Test
    void aBankTheKernelCouldNotHashMatchesWithPaddedSha1() throws Exception {
        List<ImaEntry> entries = entries(list(2));
        byte[] pcr = new byte[48];
        for (ImaEntry e : entries) {
            byte[] value = e.isViolation() ? ones(48) : Arrays.copyOf(e.templateHash(), 48);
            pcr = sha("sha384", concat(pcr, value));
        }
        BankResult result = replay(entries, Map.of(HashAlgorithm.SHA384, pcr)).get(0);
        assertEquals(ExtendMode.PADDED_SHA1, result.matchedMode());
    }

    @Test
    void aListAheadOfThePcrReadMatchesAtAnEarlierEntry() throws Exception {
        byte[] tpm = list(2).pcr10("sha256");
        BankResult result = replay(entries(list(4)), Map.of(HashAlgorithm.SHA256, tpm)).get(0);
        assertTrue(result.matched());
        assertEquals(4, result.matchedAtEntry());
        assertTrue(result.describe().contains("the list is 2 entries ahead of the TPM read"), result.describe());
    }

    @Test
    void aPcrThatNoPrefixReachesIsReportedWithBothValues() throws Exception {
        BankResult result = replay(entries(list(2)), Map.of(HashAlgorithm.SHA1, new byte[20])).get(0);
        assertFalse(result.matched());
        assertTrue(result.describe().startsWith("PCR 10 sha1: no prefix of the list up to entry 4 reproduces"),
                result.describe());
    }

    @Test
    void replayResumesFromCheckpointedRunningValues() throws Exception {
        MeasurementListWriter w = list(4);
        List<ImaEntry> all = entries(w);
        PcrReplay first = new PcrReplay(PcrValues.none(), Map.of(), 0);
        EntryDigester digester = new EntryDigester();
        for (ImaEntry e : all.subList(0, 3)) {
            digester.reset(e);
            first.extend(e, digester);
        }
        PcrReplay second = new PcrReplay(new PcrValues("t", Map.of(HashAlgorithm.SHA1, w.pcr10("sha1"))),
                first.runningValues(), 3);
        for (ImaEntry e : all.subList(3, all.size())) {
            digester.reset(e);
            second.extend(e, digester);
        }
        assertEquals(6, second.results().get(0).matchedAtEntry());
    }

    private static byte[] ones(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xff);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
