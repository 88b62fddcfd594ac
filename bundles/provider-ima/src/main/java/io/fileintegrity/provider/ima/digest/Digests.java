package io.fileintegrity.provider.ima.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/** Message digests and signatures from the bundle's one BC-FIPS provider instance. */
public final class Digests {

    private static final Provider PROVIDER = new BouncyCastleFipsProvider();

    private Digests() {
    }

    /** The shared provider, for signature verification and key parsing. */
    public static Provider provider() {
        return PROVIDER;
    }

    /**
     * A new digest of the algorithm.
     *
     * @throws IllegalArgumentException when the algorithm cannot be computed here
     */
    public static MessageDigest newDigest(HashAlgorithm algorithm) {
        if (!algorithm.computable()) {
            throw new IllegalArgumentException("hash algorithm " + algorithm + " is not available");
        }
        try {
            return MessageDigest.getInstance(algorithm.jcaName(), PROVIDER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("hash algorithm " + algorithm + " is not available: " + e.getMessage(), e);
        }
    }

    /** The digest of some bytes. */
    public static byte[] digest(HashAlgorithm algorithm, byte[] data) {
        return newDigest(algorithm).digest(data);
    }
}
