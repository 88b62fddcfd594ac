package io.fileintegrity.k8s.bridge.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.api.monitor.MonitoredTarget;
import io.fileintegrity.k8s.bridge.controller.NodeList;
import io.fileintegrity.k8s.bridge.controller.ReinitRequests;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityConfig;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.desired.ObjectNames;
import io.fileintegrity.k8s.bridge.desired.OwnerReferences;
import io.fileintegrity.k8s.bridge.desired.ProviderConfigMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Follows this node's FileIntegrity and the operator's config ConfigMap: writes the provider configuration to a
 * file on the host, keeps the engine's target settings (provider, interval, backups, holdoff pause) current,
 * and turns re-init requests for this node into {@link MonitoredTarget#requestReinitialize()}.
 */
public class AgentFollower {

    /** What one pass found. */
    public enum Outcome { APPLIED, WAITING_FOR_FILEINTEGRITY, WAITING_FOR_CONFIG, WAITING_FOR_NODE_SETUP, WAITING_FOR_TARGET }

    private final KubernetesClient client;
    private final AgentIdentity id;
    private final String hostRoot;
    private final Path stateRoot;
    private final TargetSink targets;
    private final NodeStatusChannel channel;
    private final Function<String, Optional<MonitoredTarget>> lookup;
    private final int maxCpuPercent;
    private boolean nodeReady;

    /** {@code maxCpuPercent}: the engine's CPU cap per scan (percent of one core, 0 for none). */
    public AgentFollower(KubernetesClient client, AgentIdentity id, String hostRoot, Path stateRoot, TargetSink targets,
            NodeStatusChannel channel, Function<String, Optional<MonitoredTarget>> lookup, int maxCpuPercent) {
        this.client = client;
        this.id = id;
        this.hostRoot = hostRoot;
        this.stateRoot = stateRoot;
        this.targets = targets;
        this.channel = channel;
        this.lookup = lookup;
        this.maxCpuPercent = maxCpuPercent;
    }

    /** One pass; safe to repeat. */
    public synchronized Outcome sync() throws IOException {
        FileIntegrity fi = client.resources(FileIntegrity.class).inNamespace(id.namespace()).withName(id.fileIntegrity()).get();
        if (fi == null) {
            return Outcome.WAITING_FOR_FILEINTEGRITY;
        }
        channel.owner(OwnerReferences.controllerOf(fi));
        String provider = fi.getSpec().providerName();
        String cmName = ObjectNames.configMap(id.fileIntegrity());
        ConfigMap cm = client.configMaps().inNamespace(id.namespace()).withName(cmName).get();
        String key = ProviderConfigMap.dataKey(provider);
        String text = cm == null || cm.getData() == null ? null : cm.getData().get(key);
        if (text == null) {
            return Outcome.WAITING_FOR_CONFIG;
        }
        if (!nodeReady && !(nodeReady = nodeSetUp(Path.of(hostRoot)))) {
            return Outcome.WAITING_FOR_NODE_SETUP;
        }
        Path directory = stateRoot.resolve(id.namespace() + "-" + id.fileIntegrity());
        Path configFile = directory.resolve(provider + ".conf");
        writeIfChanged(configFile, text);
        targets.apply(settings(fi, provider, configFile, id.namespace() + "/" + cmName + ":" + key, directory));
        return reinitIfRequested(cm);
    }

    private Map<String, Object> settings(FileIntegrity fi, String provider, Path configFile, String source, Path directory) {
        FileIntegrityConfig config = fi.getSpec().getConfig() == null ? new FileIntegrityConfig() : fi.getSpec().getConfig();
        Map<String, String> annotations = fi.getMetadata().getAnnotations();
        NodeList holdoff = NodeList.parse(annotations == null ? null : annotations.get(Labels.HOLDOFF));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id.targetId());
        p.put("displayName", id.node() + " (" + id.namespace() + "/" + id.fileIntegrity() + ")");
        p.put("provider", provider);
        p.put("hostRoot", hostRoot);
        p.put("configFile", configFile.toString());
        p.put("configSource", source);
        p.put("stateDirectory", directory.resolve(provider).toString());
        p.put("intervalSeconds", (long) config.effectiveGracePeriod());
        p.put("initialDelaySeconds", (long) config.effectiveInitialDelay());
        p.put("maxBackups", config.effectiveMaxBackups());
        p.put("maxCpuPercent", maxCpuPercent);
        p.put("paused", holdoff != null && holdoff.covers(id.node()));
        return p;
    }

    private Outcome reinitIfRequested(ConfigMap cm) {
        Map<String, String> annotations = cm.getMetadata().getAnnotations();
        long token = ReinitRequests.parse(annotations == null ? null : annotations.get(Labels.REINIT_REQUESTS)).tokenFor(id.node());
        if (token <= channel.applied()) {
            return Outcome.APPLIED;
        }
        Optional<MonitoredTarget> target = lookup.apply(id.targetId());
        if (target.isEmpty()) {
            return Outcome.WAITING_FOR_TARGET;
        }
        // Always passed on: providers without a baseline file (ima's checkpoint, ostree) and a loop that has not
        // reported since a restart have no baseline() facts, yet the request must not be lost. The engine ignores
        // it for a target that was never initialised (its first scan initialises anyway).
        target.get().requestReinitialize();
        channel.applied(token);
        return Outcome.APPLIED;
    }

    /**
     * FIO's new-node safety: on a node managed by OpenShift's machine-config daemon the first scan waits until
     * the kubelet's {@code /etc/kubernetes/static-pod-resources} exists, so a node still being set up raises no
     * false alarm. Elsewhere (no {@code /etc/machine-config-daemon}) there is nothing to wait for.
     */
    static boolean nodeSetUp(Path hostRoot) {
        Path etc = hostRoot.resolve("etc");
        return !Files.isDirectory(etc.resolve("machine-config-daemon"))
                || Files.isDirectory(etc.resolve("kubernetes").resolve("static-pod-resources"));
    }

    /** Replaces {@code file} atomically when its text differs, so the engine never reads half a file. */
    static void writeIfChanged(Path file, String text) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
