package io.fileintegrity.k8s.bridge.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.k8s.bridge.client.KubernetesClients;
import io.fileintegrity.k8s.bridge.controller.AnnotationRequests;
import io.fileintegrity.k8s.bridge.controller.ConfigSync;
import io.fileintegrity.k8s.bridge.controller.DaemonSetSync;
import io.fileintegrity.k8s.bridge.controller.EventRecorder;
import io.fileintegrity.k8s.bridge.controller.FileIntegrityReconciler;
import io.fileintegrity.k8s.bridge.controller.InformerReads;
import io.fileintegrity.k8s.bridge.controller.LeaderElection;
import io.fileintegrity.k8s.bridge.controller.LiveReads;
import io.fileintegrity.k8s.bridge.controller.NodeStatusReporter;
import io.fileintegrity.k8s.bridge.controller.OperatorController;
import io.fileintegrity.k8s.bridge.controller.PriorityClassCheck;
import io.fileintegrity.k8s.bridge.controller.StatusWriter;
import io.fileintegrity.k8s.bridge.desired.AgentSettings;
import io.fileintegrity.k8s.bridge.metrics.FioMetrics;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The operator role ({@code fio operator}): exists only while configuration {@value #PID} exists, connects to
 * the cluster on a background thread, campaigns for the Lease and reconciles while leading.
 */
@Component(configurationPid = OperatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = OperatorConfig.class)
public class OperatorComponent {

    /** The configuration PID of the operator role. */
    public static final String PID = "io.fileintegrity.k8s.operator";
    private static final Logger LOG = Logger.getLogger(OperatorComponent.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final ProviderRegistry providers;
    private final FioMetrics metrics;
    private final OperatorConfig config;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> bundleThread(r, "fio-operator-start"));
    private volatile boolean active = true;
    private KubernetesClient client;
    private OperatorController controller;
    private LeaderElection election;

    @Activate
    public OperatorComponent(@Reference ProviderRegistry providers, @Reference FioMetrics metrics, OperatorConfig config) {
        this.providers = providers;
        this.metrics = metrics;
        this.config = config;
        starter.submit(this::startUntilConnected);
    }

    private void startUntilConnected() {
        while (active) {
            try {
                start();
                return;
            } catch (Exception | Error e) {
                // Errors too (LinkageError, ServiceConfigurationError): a broken runtime must be logged, not lost
                LOG.log(Level.SEVERE, "operator cannot start, retrying in " + RETRY.toSeconds() + " s: " + e, e);
                closeClient();
                sleep();
            }
        }
    }

    private synchronized void start() throws Exception {
        client = KubernetesClients.connect(config.kubeconfig());
        String namespace = KubernetesClients.namespace(config.namespace(), client);
        AgentSettings settings = new AgentSettings(AgentImage.resolve(config.image(), client, namespace),
                List.of(config.agentCommand()), config.agentServiceAccount());
        Clock clock = Clock.systemUTC();
        EventRecorder events = new EventRecorder(client, clock);
        InformerReads reads = new InformerReads(new LiveReads(client));
        FileIntegrityReconciler.Parts parts = new FileIntegrityReconciler.Parts(new ConfigSync(client, reads),
                new DaemonSetSync(client, metrics, reads), new AnnotationRequests(client, metrics, reads),
                new NodeStatusReporter(events, metrics, clock.instant()), new StatusWriter(client, events, metrics, reads),
                new PriorityClassCheck(client, events, clock, reads));
        controller = new OperatorController(client, new FileIntegrityReconciler(client, reads, providers, settings, clock, parts),
                namespace, Duration.ofSeconds(Math.max(5, config.resyncSeconds())), metrics, reads);
        election = new LeaderElection(client, namespace, config.leaseName(), identity(), controller::start, controller::stop);
        LOG.info("operator started in namespace " + namespace + " with agent image " + settings.image());
    }

    /**
     * A thread whose context class loader is this bundle's: fabric8 scans the context loader for model classes,
     * and threads started from this one (informers, HTTP client) inherit it.
     */
    static Thread bundleThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setContextClassLoader(OperatorComponent.class.getClassLoader());
        return t;
    }

    private static String identity() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "_" + UUID.randomUUID();
        } catch (java.io.IOException e) {
            return "fio-operator_" + UUID.randomUUID();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        active = false;
        starter.shutdownNow();
        starter.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (this) {
            if (election != null) {
                election.close();
            }
            if (controller != null) {
                controller.stop();
            }
            closeClient();
        }
    }

    private synchronized void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active = false;
        }
    }
}
