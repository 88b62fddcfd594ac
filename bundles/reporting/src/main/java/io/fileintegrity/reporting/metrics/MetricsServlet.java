package io.fileintegrity.reporting.metrics;

import io.fileintegrity.api.metrics.MetricsSource;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Serves the sources of the default endpoint at {@code /metrics} on the runtime's HTTP port (the Web
 * Console's port) through the Servlet Whiteboard.
 */
// The pattern is a plain property, not @HttpWhiteboardServletPattern: that annotation adds a bundle
// requirement on an osgi.http implementation, and one-off CLI commands (fio report) run without the
// HTTP bundles, which would leave this whole bundle unresolved.
@Component(service = Servlet.class, property = "osgi.http.whiteboard.servlet.pattern=/" + MetricsSource.DEFAULT_ENDPOINT)
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetricsSources sources = new MetricsSources();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricsSource source, Map<String, Object> properties) {
        sources.add(source, properties);
    }

    void removeSource(MetricsSource source) {
        sources.remove(source);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> text = sources.scrape(MetricsSource.DEFAULT_ENDPOINT);
        response.setContentType(PrometheusTextWriter.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(text.orElse(""));
    }
}
