package io.fileintegrity.provider.ima.verify;

import io.fileintegrity.api.ChangeKind;

/**
 * Why an entry or the list fails, with Keylime's event name ({@code FileChange.reason} is
 * {@code ima:<keylimeName>}) and the kind of change it counts as.
 */
public enum Reason {
    /** The logged template hash is not the hash of the entry's fields. */
    TEMPLATE_HASH("ima_hash", ChangeKind.CHANGED),
    /** The entry went to another PCR than 10. */
    PCR_INDEX("ima_pcr", ChangeKind.CHANGED),
    /** The policy has no entry for the name: an unknown measurement. */
    NOT_IN_POLICY("not_in_allowlist", ChangeKind.ADDED),
    /** The policy lists other digests for the name. */
    DIGEST_MISMATCH("runtime_policy_hash", ChangeKind.CHANGED),
    /** A signature no trusted key verifies. */
    INVALID_SIGNATURE("invalid_signature", ChangeKind.CHANGED),
    /** A keyring measurement that is not a usable key. */
    INVALID_KEY("invalid_key", ChangeKind.CHANGED),
    /** A ToMToU or open-writers violation (only a failure when asked for). */
    VIOLATION("tomtou", ChangeKind.CHANGED),
    /** The boot_aggregate entry is not the hash of the TPM's boot PCRs. */
    BOOT_AGGREGATE("boot_aggregate", ChangeKind.CHANGED),
    /** No prefix of the list reproduces the TPM's PCR 10. */
    PCR_MISMATCH("pcr_mismatch", ChangeKind.CHANGED),
    /** Entries checked before are no longer the list's prefix, without a reboot. */
    LIST_REWRITTEN("list_rewritten", ChangeKind.REMOVED);

    private final String keylimeName;
    private final ChangeKind kind;

    Reason(String keylimeName, ChangeKind kind) {
        this.keylimeName = keylimeName;
        this.kind = kind;
    }

    public String keylimeName() {
        return keylimeName;
    }

    /** The {@code FileChange.reason} value, e.g. {@code ima:runtime_policy_hash}. */
    public String changeReason() {
        return "ima:" + keylimeName;
    }

    public ChangeKind kind() {
        return kind;
    }
}
