package io.fileintegrity.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.metrics.MetricsSource;
import io.fileintegrity.api.metrics.MetricsWriter.Type;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scrapes the extra metrics port over real HTTP on loopback. */
class MetricsHttpEndpointTest {

    private final MetricsHttpEndpoint endpoint = new MetricsHttpEndpoint();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        endpoint.deactivate();
    }

    static MetricsHttpEndpoint.Config config(int port) {
        return config(port, "", "");
    }

    static MetricsHttpEndpoint.Config config(int port, String certificate, String key) {
        return new MetricsHttpEndpoint.Config() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public String tlsCertificateFile() {
                return certificate;
            }

            @Override
            public String tlsKeyFile() {
                return key;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MetricsHttpEndpoint.Config.class;
            }
        };
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachEndpointServesOnlyItsOwnSourcesInTheTextFormat() throws Exception {
        MetricsSource operator = writer -> writer.family("file_integrity_operator_node_failed", Type.GAUGE,
                "A gauge that is set to 1 when a node has unresolved integrity failures, and 0 when it is healthy")
                .sample(Map.of("node", "worker-1"), 1);
        MetricsSource figures = writer -> writer.family("fio_scans_total", Type.COUNTER, "Scans.").sample(7);
        endpoint.addSource(operator, Map.of(MetricsSource.ENDPOINT_PROPERTY, "metrics-fio"));
        endpoint.addSource(figures, Map.of());
        endpoint.activate(config(freePort()));

        HttpResponse<String> fio = get("/metrics-fio");
        assertEquals(200, fio.statusCode());
        assertEquals(PrometheusTextWriter.CONTENT_TYPE, fio.headers().firstValue("Content-Type").orElse(""));
        PrometheusTextParser parsed = PrometheusTextParser.parse(fio.body());
        assertEquals(1, parsed.value("file_integrity_operator_node_failed", Map.of("node", "worker-1")));
        assertEquals(1, parsed.samples.size());

        assertEquals(7, PrometheusTextParser.parse(get("/metrics").body()).value("fio_scans_total", Map.of()));
        assertEquals(404, get("/nothing-here").statusCode());
    }

    @Test
    void failingSourceIsNamedInACommentAndTheOthersAreStillServed() throws Exception {
        endpoint.addSource(writer -> {
            throw new IllegalStateException("broken source");
        }, Map.of());
        endpoint.addSource(writer -> writer.family("ok_gauge", Type.GAUGE, "Fine.").sample(1), Map.of());
        endpoint.activate(config(freePort()));
        String body = get("/metrics").body();
        assertTrue(body.contains("failed: broken source"), body);
        assertEquals(1, PrometheusTextParser.parse(body).value("ok_gauge", Map.of()));
    }

    @Test
    void portZeroMeansNoServer() {
        endpoint.activate(config(0));
        assertEquals(0, endpoint.port());
    }
}
