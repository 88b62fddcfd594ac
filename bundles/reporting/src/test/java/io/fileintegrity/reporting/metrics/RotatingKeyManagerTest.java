package io.fileintegrity.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rotated serving certificate is picked up without a restart; a half-written rotation keeps the old one. */
class RotatingKeyManagerTest {

    @TempDir
    static Path dir;
    private static SelfSignedCertificate first;
    private static SelfSignedCertificate second;

    @BeforeAll
    static void certificates() throws Exception {
        first = SelfSignedCertificate.create(dir, "first");
        second = SelfSignedCertificate.create(dir, "second");
    }

    private static void install(Path source, Path target, Instant modified) throws Exception {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.from(modified));
    }

    private static X509Certificate served(RotatingKeyManager keys) {
        return keys.getCertificateChain(keys.chooseEngineServerAlias("RSA", null, null))[0];
    }

    @Test
    void aRotatedCertificateIsServedOnceTheFilesChange() throws Exception {
        Path secret = Files.createDirectories(dir.resolve("rotated"));
        install(first.certificate, secret.resolve("tls.crt"), Instant.parse("2026-11-25T10:00:00Z"));
        install(first.pkcs1Key, secret.resolve("tls.key"), Instant.parse("2026-11-25T10:00:00Z"));
        RotatingKeyManager keys = new RotatingKeyManager(secret.resolve("tls.crt"), secret.resolve("tls.key"),
                Duration.ZERO, Clock.systemUTC());
        X509Certificate before = served(keys);
        assertEquals(PemKeyMaterial.certificates(first.certificate).get(0), before);

        install(second.certificate, secret.resolve("tls.crt"), Instant.parse("2026-11-25T11:00:00Z"));
        install(second.pkcs1Key, secret.resolve("tls.key"), Instant.parse("2026-11-25T11:00:00Z"));
        assertEquals(PemKeyMaterial.certificates(second.certificate).get(0), served(keys));
        assertNotEquals(before, served(keys));
    }

    @Test
    void aHalfWrittenRotationKeepsThePreviousCertificate() throws Exception {
        Path secret = Files.createDirectories(dir.resolve("half"));
        install(first.certificate, secret.resolve("tls.crt"), Instant.parse("2026-11-25T10:00:00Z"));
        install(first.pkcs8Key, secret.resolve("tls.key"), Instant.parse("2026-11-25T10:00:00Z"));
        RotatingKeyManager keys = new RotatingKeyManager(secret.resolve("tls.crt"), secret.resolve("tls.key"),
                Duration.ZERO, Clock.systemUTC());

        install(second.certificate, secret.resolve("tls.crt"), Instant.parse("2026-11-25T11:00:00Z")); // key not yet
        assertEquals(PemKeyMaterial.certificates(first.certificate).get(0), served(keys));
    }

    @Test
    void filesAreLookedAtOncePerRecheckPeriodAtMost() throws Exception {
        Path secret = Files.createDirectories(dir.resolve("slow"));
        install(first.certificate, secret.resolve("tls.crt"), Instant.parse("2026-11-25T10:00:00Z"));
        install(first.pkcs8Key, secret.resolve("tls.key"), Instant.parse("2026-11-25T10:00:00Z"));
        RotatingKeyManager keys = new RotatingKeyManager(secret.resolve("tls.crt"), secret.resolve("tls.key"),
                Duration.ofHours(1), Clock.systemUTC());
        install(second.certificate, secret.resolve("tls.crt"), Instant.parse("2026-11-25T11:00:00Z"));
        install(second.pkcs8Key, secret.resolve("tls.key"), Instant.parse("2026-11-25T11:00:00Z"));
        assertEquals(PemKeyMaterial.certificates(first.certificate).get(0), served(keys));
    }
}
