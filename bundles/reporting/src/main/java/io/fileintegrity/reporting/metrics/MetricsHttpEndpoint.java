package io.fileintegrity.reporting.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fileintegrity.api.metrics.MetricsSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Off unless configured with a port.
 */
@Component(configurationPid = MetricsHttpEndpoint.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = MetricsHttpEndpoint.Config.class)
public final class MetricsHttpEndpoint {

    /** The configuration PID. */
    public static final String PID = "io.fileintegrity.reporting.metrics";

    @ObjectClassDefinition(name = "File Integrity metrics port",
            description = "A separate plain-HTTP port serving every Prometheus endpoint, e.g. /metrics-fio.")
    public @interface Config {
        @AttributeDefinition(description = "TCP port; 0 turns the extra port off. FIO uses 8585.")
        int port() default 0;

        @AttributeDefinition(description = "Address to bind, e.g. 0.0.0.0 for all or 127.0.0.1 for loopback.")
        String bindAddress() default "0.0.0.0";
    }

    private final MetricsSources sources = new MetricsSources();
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
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port()
                    + " for metrics: " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "fio-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** The port actually bound, or 0 when off. */
    public int port() {
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
