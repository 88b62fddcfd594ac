package io.fileintegrity.k8s.bridge.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The names FIO gives the objects it derives from a FileIntegrity. */
public final class ObjectNames {

    private static final int MAX_FRIENDLY_LENGTH = 63;

    private ObjectNames() {
    }

    /**
     * The check DaemonSet {@code aide-<fi>}; from 64 characters on, FIO uses {@code aide} followed by the
     * SHA-1 hex of that friendly name (no dash), and so do we.
     */
    public static String daemonSet(String fileIntegrity) {
        String friendly = "aide-" + fileIntegrity;
        if (friendly.length() <= MAX_FRIENDLY_LENGTH) {
            return friendly;
        }
        return "aide" + sha1Hex(friendly);
    }

    /** The permanent failure ConfigMap of a node: {@code <daemonSet>-<node>-failed}. */
    public static String failureConfigMap(String fileIntegrity, String node) {
        return daemonSet(fileIntegrity) + "-" + node + "-failed";
    }

    /** The operator's config ConfigMap: named exactly like the FileIntegrity. */
    public static String configMap(String fileIntegrity) {
        return fileIntegrity;
    }

    private static String sha1Hex(String text) {
        try {
            // SHA-1 only reproduces FIO's object names here; it protects nothing.
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
