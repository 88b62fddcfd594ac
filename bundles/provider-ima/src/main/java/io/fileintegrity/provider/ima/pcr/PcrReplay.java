package io.fileintegrity.provider.ima.pcr;

import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.ImaEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays PCR 10 from the entries in every bank the TPM reported (and always in SHA-1, whose running
 * value the incremental checkpoint keeps), remembering after which entry each running value equalled
 * the TPM's. A match at any prefix counts, because the list can be ahead of a PCR read taken before it
 * (the kernel appends to the list before extending).
 *
 * <p>Each bank is replayed with its own hash first. A bank that does not match then, when the replay
 * started at the list's start, is replayed again with zero-padded SHA-1 template hashes from a record
 * of those hashes (20 bytes per entry), so the common case pays for one mode only. A bank resumed
 * from a checkpoint continues in the mode the checkpoint has for it.
 */
public final class PcrReplay implements AutoCloseable {

    /** The PCR IMA extends by default ({@code CONFIG_IMA_MEASURE_PCR_IDX}). */
    public static final int IMA_PCR = 10;

    private final PcrValues tpm;
    private final Map<String, byte[]> start;
    private final long startEntry;
    private final List<BankReplay> replays = new ArrayList<>();
    private final TemplateHashRecord record;
    private final BankWorker worker;
    private final List<BankReplay> local;
    private List<BankResult> results;
    private long lastEntry;

    /**
     * @param tpm the TPM's values; may be empty
     * @param start running values to start from, keyed by {@link #key}; absent banks start at zero
     * @param startEntry the number of the last entry already in {@code start} (0 at the list's start)
     */
    public PcrReplay(PcrValues tpm, Map<String, byte[]> start, long startEntry) {
        this(tpm, start, startEntry, false);
    }

    /**
     * @param parallel whether the SHA-384 and SHA-512 banks may be replayed on a second thread
     *     ({@link #close} ends it)
     */
    public PcrReplay(PcrValues tpm, Map<String, byte[]> start, long startEntry, boolean parallel) {
        this.tpm = tpm;
        this.start = start;
        this.startEntry = startEntry;
        this.lastEntry = startEntry;
        replays.add(replay(HashAlgorithm.SHA1, ExtendMode.BANK_HASH));
        boolean padLater = false;
        for (HashAlgorithm bank : tpm.pcr10().keySet()) {
            boolean resumed = false;
            for (ExtendMode mode : ExtendMode.values()) {
                if (start.containsKey(key(bank, mode)) && !(bank == HashAlgorithm.SHA1 && mode == ExtendMode.BANK_HASH)) {
                    replays.add(replay(bank, mode));
                    resumed = true;
                }
            }
            if (!resumed && bank != HashAlgorithm.SHA1) {
                replays.add(replay(bank, ExtendMode.BANK_HASH));
            }
            padLater |= startEntry == 0 && !resumed;
        }
        this.record = padLater ? new TemplateHashRecord() : null;
        List<BankReplay> large = replays.stream().filter(r -> r.bank().size() > 32).toList();
        this.worker = parallel && !large.isEmpty() ? new BankWorker(large) : null;
        this.local = worker == null ? replays : replays.stream().filter(r -> !large.contains(r)).toList();
    }

    private BankReplay replay(HashAlgorithm bank, ExtendMode mode) {
        byte[] from = start.getOrDefault(key(bank, mode), new byte[bank.size()]);
        return new BankReplay(bank, mode, from, startEntry, tpm.pcr10().get(bank));
    }

    /** The key of a running value in checkpoints, e.g. {@code sha256/BANK_HASH}. */
    public static String key(HashAlgorithm bank, ExtendMode mode) {
        return bank.kernelName() + "/" + mode.name();
    }

    /** Extends every bank with the entry (which must be a PCR 10 entry). */
    public void extend(ImaEntry entry, EntryDigester digester) {
        extendAll(local, entry, digester);
        if (worker != null) {
            worker.add(entry);
        }
        if (record != null) {
            record.add(entry.number(), entry.templateHash());
        }
        lastEntry = entry.number();
    }

    static void extendAll(List<BankReplay> banks, ImaEntry entry, EntryDigester digester) {
        boolean violation = entry.isViolation();
        for (BankReplay replay : banks) {
            byte[] bankHash = violation || replay.mode() != ExtendMode.BANK_HASH ? null : digester.hash(replay.bank());
            replay.extend(entry.number(), violation, bankHash, entry.templateHash());
        }
    }

    /** The running values after the last entry, for a checkpoint (call after {@link #results}). */
    public Map<String, byte[]> runningValues() {
        results();
        Map<String, byte[]> values = new LinkedHashMap<>();
        replays.forEach(r -> values.put(key(r.bank(), r.mode()), r.value()));
        return values;
    }

    /** Per bank the TPM reported: whether and how the replay reproduced it. */
    public List<BankResult> results() {
        if (results != null) {
            return results;
        }
        if (worker != null) {
            worker.finish();
        }
        results = new ArrayList<>();
        for (var bank : tpm.pcr10().entrySet()) {
            BankReplay shown = null;
            for (BankReplay replay : List.copyOf(replays)) {
                if (replay.bank() == bank.getKey() && (shown == null || replay.matchedAt() >= 0 && shown.matchedAt() < 0)) {
                    shown = replay;
                }
            }
            if (shown.matchedAt() < 0 && record != null && !hasMode(bank.getKey(), ExtendMode.PADDED_SHA1)) {
                BankReplay padded = replay(bank.getKey(), ExtendMode.PADDED_SHA1);
                record.replay(padded);
                if (padded.matchedAt() >= 0) {
                    replays.add(padded);
                    shown = padded;
                }
            }
            results.add(new BankResult(bank.getKey(), bank.getValue(), shown.value(),
                    shown.matchedAt() < 0 ? null : shown.mode(), shown.matchedAt(), lastEntry));
        }
        return results;
    }

    private boolean hasMode(HashAlgorithm bank, ExtendMode mode) {
        return replays.stream().anyMatch(r -> r.bank() == bank && r.mode() == mode);
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
