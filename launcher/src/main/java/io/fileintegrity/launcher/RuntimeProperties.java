package io.fileintegrity.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Framework properties for one start: {@code conf/config.properties}, then what the role needs
 * (File Install on {@code deploy/}, HTTP on loopback, console credentials), then {@code -D} overrides.
 */
final class RuntimeProperties {

    private RuntimeProperties() {}

    static Map<String, String> load(Path home) throws IOException {
        Map<String, String> result = new HashMap<>();
        Path file = home.resolve("conf").resolve("config.properties");
        if (Files.isRegularFile(file)) {
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            }
            props.stringPropertyNames().forEach(k -> result.put(k, props.getProperty(k)));
        }
        result.put("fio.home", home.toString());
        result.putIfAbsent("felix.fileinstall.dir", home.resolve("deploy").toString());
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("fio.") || k.startsWith("felix.") || k.startsWith("org.osgi.")
                        || k.startsWith("org.apache.felix."))
                .forEach(k -> result.put(k, System.getProperty(k)));
        return result;
    }

    /**
     * Sets the Web Console's user and a SHA-256 hashed password (the console accepts {@code {sha-256}...}),
     * so the clear password is never visible to bundles.
     */
    static void setConsoleCredentials(Map<String, String> props, String user, String password) {
        props.put("felix.webconsole.username", user);
        props.put("felix.webconsole.password", "{sha-256}" + sha256Base64(password));
    }

    /** A random password of 20 URL-safe characters. */
    static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256Base64(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
