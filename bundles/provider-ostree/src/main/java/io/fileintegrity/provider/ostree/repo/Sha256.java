package io.fileintegrity.provider.ostree.repo;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/** SHA-256 from this bundle's one BouncyCastle FIPS provider instance (never added to the JVM's list). */
public final class Sha256 {

    private static final Provider FIPS = new BouncyCastleFipsProvider();

    private Sha256() {}

    /** A new SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256", FIPS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle FIPS has no SHA-256", e);
        }
    }

    /** The checksum of a byte array. */
    public static Checksum of(byte[] bytes) {
        return Checksum.of(newDigest().digest(bytes));
    }
}
