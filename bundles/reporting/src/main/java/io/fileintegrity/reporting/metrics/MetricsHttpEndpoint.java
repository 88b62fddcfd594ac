package io.fileintegrity.reporting.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.fileintegrity.api.metrics.MetricsSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Serves every metrics endpoint ({@code /metrics}, {@code /metrics-fio}, ...) on a port of its own,
 * with the JDK's HTTP server, for the operator's {@code :8585/metrics-fio} that Prometheus scrapes.
 * Off unless configured with a port. With a certificate and key (PEM files, e.g. FIO's serving-cert secret
 * mounted at {@code /var/run/secrets/serving-cert}) it serves HTTPS only (TLS 1.2 and 1.3), as FIO does; files
 * that are not there yet (a secret still being issued) are waited for, up to five minutes, as FIO does.
 */
@Component(configurationPid = MetricsHttpEndpoint.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = MetricsHttpEndpoint.Config.class)
public final class MetricsHttpEndpoint {

    /** The configuration PID. */
    public static final String PID = "io.fileintegrity.reporting.metrics";

    @ObjectClassDefinition(name = "File Integrity metrics port",
            description = "A separate port serving every Prometheus endpoint, e.g. /metrics-fio: plain HTTP, or HTTPS"
                    + " only when a certificate and key are configured.")
    public @interface Config {
        @AttributeDefinition(description = "TCP port; 0 turns the extra port off. FIO uses 8585.")
        int port() default 0;

        @AttributeDefinition(description = "Address to bind, e.g. 0.0.0.0 for all or 127.0.0.1 for loopback.")
        String bindAddress() default "0.0.0.0";

        @AttributeDefinition(description = "PEM certificate chain (e.g. /var/run/secrets/serving-cert/tls.crt); with"
                + " tlsKeyFile the port serves HTTPS only. Empty: plain HTTP.")
        String tlsCertificateFile() default "";

        @AttributeDefinition(description = "PEM private key of that certificate (PKCS#8, or PKCS#1 RSA as service-ca"
                + " writes it), e.g. /var/run/secrets/serving-cert/tls.key.")
        String tlsKeyFile() default "";
    }

    /** How long missing certificate files are waited for, and how often they are looked for. */
    static final Duration TLS_FILES_WAIT = Duration.ofMinutes(5);
    private static final Duration TLS_FILES_POLL = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MetricsHttpEndpoint.class.getName());

    private final MetricsSources sources = new MetricsSources();
    private final ScheduledExecutorService waiting = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "fio-metrics-tls-wait"));
    private HttpServer server;
    private ExecutorService executor;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricsSource source, Map<String, Object> properties) {
        sources.add(source, properties);
    }

    void removeSource(MetricsSource source) {
        sources.remove(source);
    }

    @Activate
    void activate(Config config) {
        if (config.port() <= 0) {
            return;
        }
        boolean tls = !config.tlsCertificateFile().isBlank() || !config.tlsKeyFile().isBlank();
        if (tls && (config.tlsCertificateFile().isBlank() || config.tlsKeyFile().isBlank())) {
            throw new IllegalArgumentException("metrics TLS needs both tlsCertificateFile and tlsKeyFile");
        }
        if (!tls) {
            start(config, null);
            return;
        }
        Path certificate = Path.of(config.tlsCertificateFile());
        Path key = Path.of(config.tlsKeyFile());
        if (Files.isReadable(certificate) && Files.isReadable(key)) {
            start(config, context(certificate, key));
        } else {
            LOG.warning("metrics TLS files " + certificate + " and " + key + " are not there yet; waiting up to "
                    + TLS_FILES_WAIT.toMinutes() + " min");
            waitForTlsFiles(config, certificate, key, System.nanoTime() + TLS_FILES_WAIT.toNanos());
        }
    }

    private void waitForTlsFiles(Config config, Path certificate, Path key, long deadline) {
        waiting.schedule(() -> {
            if (Files.isReadable(certificate) && Files.isReadable(key)) {
                try {
                    start(config, context(certificate, key));
                } catch (RuntimeException e) {
                    LOG.severe("metrics not served: " + e.getMessage());
                }
            } else if (System.nanoTime() > deadline) {
                LOG.severe("metrics not served: no readable " + certificate + " and " + key + " after "
                        + TLS_FILES_WAIT.toMinutes() + " min");
            } else {
                waitForTlsFiles(config, certificate, key, deadline);
            }
        }, TLS_FILES_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static SSLContext context(Path certificate, Path key) {
        try {
            return PemKeyMaterial.serverContext(certificate, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("metrics TLS: " + e.getMessage(), e);
        }
    }

    private synchronized void start(Config config, SSLContext tls) {
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        try {
            if (tls == null) {
                server = HttpServer.create(address, 16);
            } else {
                HttpsServer https = HttpsServer.create(address, 16);
                https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters parameters = tls.getDefaultSSLParameters();
                        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                        params.setSSLParameters(parameters);
                    }
                });
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port()
                    + " for metrics: " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> daemon(runnable, "fio-metrics-http"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Deactivate
    synchronized void deactivate() {
        waiting.shutdownNow();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** The port actually bound, or 0 when off. */
    public synchronized int port() {
        return server == null ? 0 : server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain; charset=utf-8", "only GET is supported\n");
                return;
            }
            String endpoint = MetricsSources.endpointOf(exchange.getRequestURI().getPath());
            Optional<String> text = sources.scrape(endpoint);
            if (text.isPresent()) {
                respond(exchange, 200, PrometheusTextWriter.CONTENT_TYPE, text.get());
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "no metrics at /" + endpoint + "\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
