package io.fileintegrity.provider.ima.pcr;

/** What the kernel extends into a PCR bank for each entry (research/ima.md §6). */
public enum ExtendMode {
    /** The bank's own hash of the template data (kernel 5.8 and later, TPM 2.0). */
    BANK_HASH("bank hash of the template data"),
    /** The SHA-1 template hash zero-padded to the bank size (older kernels, or banks IMA cannot hash). */
    PADDED_SHA1("SHA-1 template hash, zero-padded");

    private final String description;

    ExtendMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
