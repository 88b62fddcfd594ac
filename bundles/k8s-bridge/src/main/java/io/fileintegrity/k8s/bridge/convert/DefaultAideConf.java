package io.fileintegrity.k8s.bridge.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The aide.conf used when a FileIntegrity names no ConfigMap: FIO's RHCOS-tuned policy for AIDE 0.16
 * (sha512 content checks of /boot, /root, /usr and /etc, FIO's 22 OpenShift excludes), already converted
 * for {@code /hostroot}. It ends without a newline, as FIO's does.
 */
public final class DefaultAideConf {

    private static final String RESOURCE = "default-aide.conf";
    private static final String TEXT = load();

    private DefaultAideConf() {
    }

    /** The default configuration text. */
    public static String text() {
        return TEXT;
    }

    /** Whether {@code text} is the default, compared byte for byte as FIO does. */
    public static boolean isDefault(String text) {
        return TEXT.equals(text);
    }

    private static String load() {
        try (InputStream in = DefaultAideConf.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
