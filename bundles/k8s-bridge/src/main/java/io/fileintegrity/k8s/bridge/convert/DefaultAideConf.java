package io.fileintegrity.k8s.bridge.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The aide.conf used when a FileIntegrity names no ConfigMap: FIO's RHCOS-tuned policy in its AIDE 0.18
 * variant (FIO's {@code AIDE_VERSION=0.18} default: {@code database_in}, {@code log_level} and
 * {@code report_level} instead of {@code verbose}, group {@code CONTENTEX}, sha512 content checks of /boot,
 * /root and /etc, no /usr rule, FIO's 22 OpenShift excludes), already converted for {@code /hostroot}. The
 * AIDE engine is 0.18-compatible and rejects the 0.16 variant's {@code verbose}, as aide 0.18 does. It ends
 * without a newline, as FIO's does.
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
