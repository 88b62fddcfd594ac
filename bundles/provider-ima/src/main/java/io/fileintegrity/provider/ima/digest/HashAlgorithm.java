package io.fileintegrity.provider.ima.digest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hash algorithm as the kernel names it in IMA lists ({@code hash_algo_name[]}) and numbers it in
 * signatures ({@code include/uapi/linux/hash_info.h}), with its digest size and, when BC-FIPS can
 * compute it, its JCA name.
 *
 * @param kernelName the name in {@code d-ng} fields, e.g. {@code sha256}
 * @param kernelId the {@code hash_algo} enum value used in signature headers
 * @param size digest size in bytes
 * @param jcaName the JCA algorithm name, or empty when we cannot compute it
 */
public record HashAlgorithm(String kernelName, int kernelId, int size, String jcaName) {

    public static final HashAlgorithm SHA1 = new HashAlgorithm("sha1", 2, 20, "SHA-1");
    public static final HashAlgorithm SHA256 = new HashAlgorithm("sha256", 4, 32, "SHA-256");
    public static final HashAlgorithm SHA384 = new HashAlgorithm("sha384", 5, 48, "SHA-384");
    public static final HashAlgorithm SHA512 = new HashAlgorithm("sha512", 6, 64, "SHA-512");

    /** Every algorithm the kernel can name; only some of them can be computed here. */
    private static final List<HashAlgorithm> KNOWN = List.of(
            new HashAlgorithm("md4", 0, 16, ""),
            new HashAlgorithm("md5", 1, 16, "MD5"),
            SHA1,
            new HashAlgorithm("rmd160", 3, 20, ""),
            SHA256, SHA384, SHA512,
            new HashAlgorithm("sha224", 7, 28, "SHA-224"),
            new HashAlgorithm("rmd128", 8, 16, ""),
            new HashAlgorithm("rmd256", 9, 32, ""),
            new HashAlgorithm("rmd320", 10, 40, ""),
            new HashAlgorithm("wp256", 11, 32, ""),
            new HashAlgorithm("wp384", 12, 48, ""),
            new HashAlgorithm("wp512", 13, 64, ""),
            new HashAlgorithm("tgr128", 14, 16, ""),
            new HashAlgorithm("tgr160", 15, 20, ""),
            new HashAlgorithm("tgr192", 16, 24, ""),
            new HashAlgorithm("sm3", 17, 32, ""),
            new HashAlgorithm("streebog256", 18, 32, ""),
            new HashAlgorithm("streebog512", 19, 64, ""),
            new HashAlgorithm("sha3-256", 20, 32, "SHA3-256"),
            new HashAlgorithm("sha3-384", 21, 48, "SHA3-384"),
            new HashAlgorithm("sha3-512", 22, 64, "SHA3-512"));

    /** The PCR banks IMA extends on a TPM 2.0, in the order they are reported. */
    public static final List<HashAlgorithm> PCR_BANKS = List.of(SHA1, SHA256, SHA384, SHA512);

    /** Looks an algorithm up by its kernel name; {@code sm3-256} (older kernels) is {@code sm3}. */
    public static Optional<HashAlgorithm> byKernelName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).equals("sm3-256") ? "sm3" : name.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(a -> a.kernelName.equals(wanted)).findFirst();
    }

    /** Looks an algorithm up by its {@code hash_algo} number. */
    public static Optional<HashAlgorithm> byKernelId(int id) {
        return KNOWN.stream().filter(a -> a.kernelId == id).findFirst();
    }

    /**
     * The algorithm of a template-hash column of the given width: SHA-1 for the legacy lists, the
     * bank's algorithm for the per-bank lists of newer kernels.
     */
    public static Optional<HashAlgorithm> forTemplateHashSize(int size) {
        return PCR_BANKS.stream().filter(a -> a.size == size).findFirst();
    }

    /** Whether BC-FIPS can compute this algorithm. */
    public boolean computable() {
        return !jcaName.isEmpty();
    }

    @Override
    public String toString() {
        return kernelName;
    }
}
