package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.Attribute;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Where digests come from: BouncyCastle FIPS (the default; its approved SHS operators, see
 * {@link FipsDigest}) or the JDK's own provider, which has intrinsics for SHA-512 and is about 2.8 times
 * faster for it (opt-in with {@code aide.hash.provider=jdk}).
 */
public enum HashProvider {
    BC_FIPS,
    JDK;

    /** The scan option that selects the provider. */
    public static final String PARAMETER = "aide.hash.provider";

    private static final class Fips {
        static final boolean READY = start();

        /**
         * Starts the module (integrity check and self-tests, SHA-256's native code), then unlinks the
         * native libraries it extracted and loaded.
         */
        private static boolean start() {
            FipsDigest.of("SHA-256").digest();
            FipsDigest.of("SHA-512").digest();
            FipsNativeLibraries.removeLoaded();
            return true;
        }
    }

    /**
     * Starts loading BouncyCastle FIPS in the background: its power-up self-tests and the JDK's
     * signed-jar checks take seconds, which can then overlap with parsing and walking.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            boolean unused = Fips.READY;
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

    /** The parameter value that names this provider ({@code bc-fips}, {@code jdk}). */
    public String label() {
        return this == BC_FIPS ? "bc-fips" : "jdk";
    }

    /** A new digest for a hash attribute. */
    public MessageDigest digest(Attribute hash) {
        String algorithm = hash.jcaAlgorithm().orElseThrow(() -> new IllegalArgumentException(
                hash.configName() + " is not a FIPS-approved hash"));
        if (this == BC_FIPS) {
            MessageDigest fips = Fips.READY ? FipsDigest.of(algorithm) : null;
            if (fips == null) {
                throw new IllegalStateException(algorithm + " is not available from " + this);
            }
            return fips;
        }
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available from " + this, e);
        }
    }
}
