package io.fileintegrity.provider.ima.log;

import io.fileintegrity.provider.ima.digest.Hex;
import io.fileintegrity.provider.ima.template.TemplateFormat;

/**
 * One entry of an IMA measurement list.
 *
 * @param number 1-based position in the list
 * @param pcr the PCR the entry was extended into (normally 10)
 * @param templateHash the template hash as logged (all zero for a violation)
 * @param template the entry's template
 * @param digestAlgorithm kernel name of the file digest's algorithm, e.g. {@code sha256}
 * @param fileDigest the file (or buffer) digest
 * @param name the event name: a path, {@code boot_aggregate}, a keyring, ...
 * @param signature the {@code sig} field (empty when there is none)
 * @param buffer the {@code buf} field (empty when there is none)
 * @param hashedData the bytes the template hash and the PCR banks are computed over
 */
public record ImaEntry(
        long number,
        int pcr,
        byte[] templateHash,
        TemplateFormat template,
        String digestAlgorithm,
        byte[] fileDigest,
        String name,
        byte[] signature,
        byte[] buffer,
        byte[] hashedData) {

    /** Name of the first entry, whose digest is the hash of the boot PCRs. */
    public static final String BOOT_AGGREGATE = "boot_aggregate";

    /** Whether this is a violation (ToMToU or open-writers): the logged template hash is all zero. */
    public boolean isViolation() {
        return Hex.allZero(templateHash);
    }

    /** The file digest as lower-case hex, as policies list it. */
    public String fileDigestHex() {
        return Hex.encode(fileDigest);
    }

    /** The template name. */
    public String templateName() {
        return template.name();
    }
}
