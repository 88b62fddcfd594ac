package io.fileintegrity.k8s.bridge.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.MonitoredTarget;
import io.fileintegrity.api.monitor.ScanResultListener;
import io.fileintegrity.api.report.ReportService;
import io.fileintegrity.k8s.bridge.client.KubernetesClients;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.desired.ObjectNames;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The agent role ({@code fio agent}): exists only while configuration {@value #PID} exists. It sets up the
 * engine's scan loop for this node through ConfigAdmin, follows the FileIntegrity, and forwards every result of
 * its target to the API server (at most one write per unchanged scan, see docs/adr/0002-agent-channel.md).
 */
// immediate: the agent must start with its configuration, not when the engine first looks up listeners
@Component(configurationPid = AgentComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ScanResultListener.class, immediate = true)
@Designate(ocd = AgentConfig.class)
public class AgentComponent implements ScanResultListener {

    /** The configuration PID of the agent role. */
    public static final String PID = "io.fileintegrity.k8s.agent";
    private static final Logger LOG = Logger.getLogger(AgentComponent.class.getName());
    private static final long RESYNC_MILLIS = 60_000;

    private final AgentConfig config;
    private final AgentIdentity id;
    private final TargetConfigurator targets;
    private final ReportService reports;
    private final Map<String, MonitoredTarget> monitored = new ConcurrentHashMap<>();
    // The context class loader is this bundle's: fabric8 scans it for model classes, and the client's threads inherit it.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fio-agent");
        t.setContextClassLoader(AgentComponent.class.getClassLoader());
        return t;
    });
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private volatile ResultForwarder forwarder;
    private volatile AgentFollower follower;
    private volatile boolean active = true;
    private KubernetesClient client;

    @Activate
    public AgentComponent(@Reference ConfigurationAdmin configAdmin, @Reference ReportService reports, AgentConfig config) {
        this.config = config;
        this.reports = reports;
        this.targets = new TargetConfigurator(configAdmin);
        String node = config.nodeName().isBlank() ? System.getenv().getOrDefault("NODE_NAME", "") : config.nodeName();
        this.id = new AgentIdentity(config.namespace(), config.name(), node);
        worker.execute(this::startUntilConnected);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTarget(MonitoredTarget target) {
        monitored.put(target.id(), target);
        if (id != null && id.targetId().equals(target.id())) {
            worker.execute(this::sync);
        }
    }

    void removeTarget(MonitoredTarget target) {
        monitored.remove(target.id(), target);
    }

    private void startUntilConnected() {
        while (active && !start()) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        sync();
    }

    private synchronized boolean start() {
        try {
            client = KubernetesClients.connect(config.kubeconfig());
            NodeStatusChannel channel = new NodeStatusChannel(client, id, reports, Clock.systemUTC());
            channel.load();
            forwarder = new ResultForwarder(channel::publish);
            follower = new AgentFollower(client, id, config.hostRoot(), Path.of(config.stateRoot()), targets, channel,
                    targetId -> Optional.ofNullable(monitored.get(targetId)), config.maxCpuPercent());
            Runnable resync = () -> worker.execute(this::sync);
            informers.add(client.resources(FileIntegrity.class).inNamespace(id.namespace()).withName(id.fileIntegrity())
                    .inform(new ChangeHandler<>(resync), RESYNC_MILLIS));
            informers.add(client.configMaps().inNamespace(id.namespace()).withName(ObjectNames.configMap(id.fileIntegrity()))
                    .inform(new ChangeHandler<>(resync), RESYNC_MILLIS));
            LOG.info("agent for " + id.targetId() + " started");
            return true;
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "agent for " + id.targetId() + " cannot start, retrying in 10 s: " + e, e);
            if (client != null) {
                client.close();
                client = null;
            }
            return false;
        }
    }

    private void sync() {
        AgentFollower f = follower;
        if (f == null) {
            return;
        }
        try {
            AgentFollower.Outcome outcome = f.sync();
            if (outcome != AgentFollower.Outcome.APPLIED) {
                LOG.info(id.targetId() + ": " + outcome);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, id.targetId() + ": cannot apply the FileIntegrity: " + e, e);
        }
    }

    @Override
    public void scanFinished(MonitoredTarget target, ScanResult result) {
        ResultForwarder f = forwarder;
        if (f != null && id.targetId().equals(target.id())) {
            f.submit(result);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        informers.forEach(SharedIndexInformer::close);
        worker.shutdownNow();
        if (forwarder != null) {
            forwarder.close();
        }
        try {
            targets.remove(id.targetId());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot remove the scan loop of " + id.targetId() + ": " + e, e);
        }
        if (client != null) {
            client.close();
        }
    }
}
