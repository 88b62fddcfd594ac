package io.fileintegrity.reporting.console;

import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.monitor.MonitoredTarget;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The "File Integrity" tab of the Felix Web Console 5. Web Console 5 picks up every {@link Servlet}
 * service with a {@code felix.webconsole.label} property, wraps GET responses in its own header, menu
 * and style sheets (so plain HTML with its CSS classes looks native), and passes POSTs straight through.
 * GET shows the overview or one target ({@code ?target=ID&q=FILTER&page=N}); POST runs an action
 * ({@code action=scan|reinit}) after the {@link CsrfGuard} check and redirects back (303).
 */
@Component(service = Servlet.class, property = {
    "felix.webconsole.label=" + FileIntegrityConsolePlugin.LABEL,
    "felix.webconsole.title=File Integrity",
    "felix.webconsole.category=Main"})
public final class FileIntegrityConsolePlugin extends HttpServlet {

    /** The console label: the tab lives at {@code /system/console/fileintegrity}. */
    public static final String LABEL = "fileintegrity";

    private static final long serialVersionUID = 1L;
    private static final String[] BUNDLE_STATES = {"UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING", "STOPPING",
        "ACTIVE"};

    /** A provider with lazy bundle facts (the bundle's state changes while the service stays). */
    record ProviderEntry(IntegrityProvider provider, Supplier<String> bundle, Supplier<String> state) {
    }

    private final transient Map<Object, ProviderEntry> providers = new ConcurrentHashMap<>();
    private final transient List<MonitoredTarget> targets = new CopyOnWriteArrayList<>();
    private final transient CsrfGuard csrf;
    private final transient Clock clock;

    public FileIntegrityConsolePlugin() {
        this(new SecureRandom(), Clock.systemUTC());
    }

    FileIntegrityConsolePlugin(SecureRandom random, Clock clock) {
        this.csrf = new CsrfGuard(random);
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(IntegrityProvider provider, ServiceReference<IntegrityProvider> reference) {
        putProvider(reference, new ProviderEntry(provider, () -> bundleName(reference), () -> bundleState(reference)));
    }

    void removeProvider(ServiceReference<IntegrityProvider> reference) {
        providers.remove(reference);
    }

    /** Adds a provider under {@code key}; the DS bind method and tests use it. */
    void putProvider(Object key, ProviderEntry entry) {
        providers.put(key, entry);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTarget(MonitoredTarget target) {
        targets.add(target);
    }

    void removeTarget(MonitoredTarget target) {
        targets.remove(target);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("utf-8");
        PrintWriter out = response.getWriter();
        String root = pluginRoot(request);
        String targetId = request.getParameter("target");
        if (targetId != null) {
            Optional<MonitoredTarget> target = findTarget(targetId);
            if (target.isPresent()) {
                new TargetPage(out, root, clock.instant(), csrf.token()).render(target.get(),
                        Optional.ofNullable(request.getParameter("q")).orElse("").strip(),
                        pageNumber(request.getParameter("page")), ConsoleAction.notice(request.getParameter("done")));
                return;
            }
            out.println("<p class='statline ui-state-error'>No monitored target has the id &quot;"
                    + Html.escape(targetId) + "&quot; (any more).</p>");
        }
        new OverviewPage(out, root, clock.instant()).render(providerRows(), sortedTargets());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String refusal = csrf.refusal(request.getParameter(CsrfGuard.FIELD), request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"), request.getHeader("Host"));
        if (refusal != null) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "Refused: " + refusal + ".");
            return;
        }
        Optional<ConsoleAction> action = ConsoleAction.named(request.getParameter("action"));
        if (action.isEmpty()) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "Unknown action; expected 'scan' or 'reinit'.");
            return;
        }
        String targetId = String.valueOf(request.getParameter("target"));
        Optional<MonitoredTarget> target = findTarget(targetId);
        if (target.isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "No monitored target has the id '" + targetId + "'.");
            return;
        }
        action.get().perform(target.get());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", pluginRoot(request) + "?target=" + Html.query(targetId) + "&done="
                + action.get().parameter());
    }

    List<ProviderRow> providerRows() {
        return providers.values().stream().map(FileIntegrityConsolePlugin::row)
                .sorted(Comparator.comparing(ProviderRow::name)).toList();
    }

    private static ProviderRow row(ProviderEntry entry) {
        try {
            ProviderDescriptor descriptor = entry.provider().describe();
            return new ProviderRow(descriptor.name(), descriptor.maturity().name(), descriptor.summary(),
                    entry.bundle().get(), entry.state().get());
        } catch (RuntimeException e) {
            return new ProviderRow(entry.provider().getClass().getName(), "unknown",
                    "describe() failed: " + e.getMessage(), entry.bundle().get(), entry.state().get());
        }
    }

    private List<MonitoredTarget> sortedTargets() {
        return targets.stream().sorted(Comparator.comparing(MonitoredTarget::id)).toList();
    }

    private Optional<MonitoredTarget> findTarget(String id) {
        return targets.stream().filter(target -> target.id().equals(id)).findFirst();
    }

    private static String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute("felix.webconsole.pluginRoot");
        return root != null ? root.toString() : request.getContextPath() + request.getServletPath() + "/" + LABEL;
    }

    private static int pageNumber(String parameter) {
        try {
            return parameter == null ? 1 : Math.max(1, Integer.parseInt(parameter.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("utf-8");
        response.getWriter().println(message);
    }

    private static String bundleName(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "(unregistered)" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    private static String bundleState(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return "UNREGISTERED";
        }
        int bit = Integer.numberOfTrailingZeros(bundle.getState());
        return bit < BUNDLE_STATES.length ? BUNDLE_STATES[bit] : "UNKNOWN";
    }
}
