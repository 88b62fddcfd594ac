package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.Attribute;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Locale;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;

/**
 * Where digests come from: BouncyCastle FIPS (the default) or the JDK's own provider, which has
 * intrinsics for SHA-512 and is about 2.8 times faster for it (opt-in with {@code aide.hash.provider=jdk}).
 */
public enum HashProvider {
    BC_FIPS,
    JDK;

    /** The scan option that selects the provider. */
    public static final String PARAMETER = "aide.hash.provider";

    private static final class Fips {
        static final Provider INSTANCE = start();

        /** Starts the provider (self-tests), then unlinks the native libraries it extracted and loaded. */
        private static Provider start() {
            Provider provider = new BouncyCastleFipsProvider();
            FipsNativeLibraries.removeLoaded();
            return provider;
        }
    }

    /**
     * Starts loading BouncyCastle FIPS in the background: its power-up self-tests and the JDK's
     * signed-jar checks take seconds, which can then overlap with parsing and walking.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            Provider unused = Fips.INSTANCE;
        }, "bc-fips-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The provider named by a parameter value ({@code bc-fips}, {@code jdk}); null means the default. */
    public static HashProvider parse(String value) {
        if (value == null || value.isBlank()) {
            return BC_FIPS;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "bc-fips", "bcfips", "fips", "bc" -> BC_FIPS;
            case "jdk", "sun" -> JDK;
            default -> throw new IllegalArgumentException(PARAMETER + " must be 'bc-fips' or 'jdk', not '" + value + "'");
        };
    }

    /** A new digest for a hash attribute. */
    public MessageDigest digest(Attribute hash) {
        String algorithm = hash.jcaAlgorithm().orElseThrow(() -> new IllegalArgumentException(
                hash.configName() + " is not a FIPS-approved hash"));
        try {
            return this == BC_FIPS ? MessageDigest.getInstance(algorithm, Fips.INSTANCE)
                    : MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available from " + this, e);
        }
    }
}
