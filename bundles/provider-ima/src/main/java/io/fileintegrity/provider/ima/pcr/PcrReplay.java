package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.ImaEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays PCR 10 from the entries, in every bank the TPM reported (and always in SHA-1, whose running
 * value the incremental checkpoint keeps), under both extend modes, remembering after which entry
 * each running value equalled the TPM's. A match at any prefix counts, because the list can be ahead
 * of a PCR read taken before it (the kernel appends to the list before extending).
 */
public final class PcrReplay {

    /** The PCR IMA extends by default ({@code CONFIG_IMA_MEASURE_PCR_IDX}). */
    public static final int IMA_PCR = 10;

    private final PcrValues tpm;
    private final List<BankReplay> replays = new ArrayList<>();
    private long lastEntry;

    /**
     * @param tpm the TPM's values; may be empty
     * @param start running values to start from, keyed by {@link #key}; absent banks start at zero
     * @param startEntry the number of the last entry already in {@code start} (0 at the list's start)
     */
    public PcrReplay(PcrValues tpm, Map<String, byte[]> start, long startEntry) {
        this.tpm = tpm;
        this.lastEntry = startEntry;
        List<HashAlgorithm> banks = new ArrayList<>(List.of(HashAlgorithm.SHA1));
        tpm.pcr10().keySet().stream().filter(b -> !banks.contains(b)).forEach(banks::add);
        for (HashAlgorithm bank : banks) {
            for (ExtendMode mode : ExtendMode.values()) {
                if (bank == HashAlgorithm.SHA1 && mode == ExtendMode.PADDED_SHA1 && !tpm.pcr10().containsKey(bank)) {
                    continue;
                }
                byte[] from = start.getOrDefault(key(bank, mode), new byte[bank.size()]);
                replays.add(new BankReplay(bank, mode, from, startEntry, tpm.pcr10().get(bank)));
            }
        }
    }

    /** The key of a running value in checkpoints, e.g. {@code sha256/BANK_HASH}. */
    public static String key(HashAlgorithm bank, ExtendMode mode) {
        return bank.kernelName() + "/" + mode.name();
    }

    /** Extends every bank with the entry (which must be a PCR 10 entry). */
    public void extend(ImaEntry entry, EntryDigester digester) {
        boolean violation = entry.isViolation();
        for (BankReplay replay : replays) {
            byte[] bankHash = violation || replay.mode() != ExtendMode.BANK_HASH ? null : digester.hash(replay.bank());
            replay.extend(entry.number(), violation, bankHash, entry.templateHash());
        }
        lastEntry = entry.number();
    }

    /** The running values, for a checkpoint. */
    public Map<String, byte[]> runningValues() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        replays.forEach(r -> values.put(key(r.bank(), r.mode()), r.value()));
        return values;
    }

    /** Per bank the TPM reported: whether and how the replay reproduced it. */
    public List<BankResult> results() {
        List<BankResult> results = new ArrayList<>();
        for (var bank : tpm.pcr10().entrySet()) {
            BankReplay matched = null;
            BankReplay bankHash = null;
            for (BankReplay replay : replays) {
                if (replay.bank() == bank.getKey()) {
                    bankHash = bankHash == null ? replay : bankHash;
                    if (matched == null && replay.matchedAt() >= 0) {
                        matched = replay;
                    }
                }
            }
            BankReplay shown = matched != null ? matched : bankHash;
            results.add(new BankResult(bank.getKey(), bank.getValue(), shown.value(),
                    matched == null ? null : matched.mode(), matched == null ? -1 : matched.matchedAt(), lastEntry));
        }
        return results;
    }
}
