package io.fileintegrity.reporting.metrics;

import static io.fileintegrity.reporting.metrics.MetricsHttpEndpointTest.config;
import static io.fileintegrity.reporting.metrics.MetricsHttpEndpointTest.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.metrics.MetricsSource;
import io.fileintegrity.api.metrics.MetricsWriter.Type;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics port over TLS with PEM files as a Kubernetes TLS secret holds them (certificates made with keytool). */
class MetricsHttpsEndpointTest {

    @TempDir
    static Path dir;
    private static SelfSignedCertificate served;
    private static SelfSignedCertificate other;
    private final MetricsHttpEndpoint endpoint = new MetricsHttpEndpoint();

    @BeforeAll
    static void certificates() throws Exception {
        served = SelfSignedCertificate.create(dir, "served");
        other = SelfSignedCertificate.create(dir, "other");
    }

    @AfterEach
    void stop() {
        endpoint.deactivate();
    }

    private void activate(Path certificate, Path key) throws Exception {
        endpoint.addSource(writer -> writer.family("file_integrity_operator_node_failed", Type.GAUGE, "Failed.")
                .sample(Map.of("node", "worker-1"), 1), Map.of(MetricsSource.ENDPOINT_PROPERTY, "metrics-fio"));
        endpoint.activate(config(freePort(), certificate.toString(), key.toString()));
    }

    private HttpResponse<String> scrape(String scheme) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(served.trustingClient())
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + endpoint.port() + "/metrics-fio"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPkcs8KeyServesHttpsOnlyWithTheCertificateTheClientTrusts() throws Exception {
        activate(served.certificate, served.pkcs8Key);
        HttpResponse<String> response = scrape("https");
        assertEquals(200, response.statusCode());
        assertEquals(1, PrometheusTextParser.parse(response.body()).value("file_integrity_operator_node_failed",
                Map.of("node", "worker-1")));
        assertThrows(IOException.class, () -> scrape("http"), "no plain HTTP on a TLS port");
    }

    @Test
    void aPkcs1RsaKeyAsServiceCaWritesItIsAccepted() throws Exception {
        activate(served.certificate, served.pkcs1Key);
        assertEquals(200, scrape("https").statusCode());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingTheKeyFile() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> activate(served.certificate, other.pkcs8Key));
        assertTrue(e.getMessage().contains(other.pkcs8Key + ": this key does not belong to the first certificate of "
                + served.certificate), e.getMessage());
    }

    @Test
    void aFileWithoutPemIsRefusedNamingIt() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "not a key\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> activate(served.certificate, garbage));
        assertTrue(e.getMessage().contains(garbage + ": no PEM block"), e.getMessage());
    }

    @Test
    void filesThatAppearAfterStartAreWaitedFor() throws Exception {
        Path later = Files.createDirectories(dir.resolve("later"));
        activate(later.resolve("tls.crt"), later.resolve("tls.key"));
        assertEquals(0, endpoint.port(), "nothing served without the files");
        Files.copy(served.certificate, later.resolve("tls.crt"));
        Files.copy(served.pkcs1Key, later.resolve("tls.key"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (endpoint.port() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(200, scrape("https").statusCode());
    }

    @Test
    void aCertificateWithoutAKeyIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> endpoint.activate(config(freePort(), "/x/tls.crt", "")));
    }

    @Test
    void pkcs1IsWrappedWithADerLengthOfTwoBytesForRsaKeys() {
        byte[] wrapped = PemKeyMaterial.wrapPkcs1(new byte[1200]);
        assertEquals(0x30, wrapped[0]);
        assertEquals((byte) 0x82, wrapped[1], "long form, two length bytes");
        assertEquals(3 + 15 + 4 + 1200, ((wrapped[2] & 0xff) << 8) | (wrapped[3] & 0xff));
    }
}
