package io.fileintegrity.k8s.bridge.controller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.k8s.bridge.convert.AideConfConverter;
import io.fileintegrity.k8s.bridge.convert.DefaultAideConf;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityConfig;
import io.fileintegrity.k8s.bridge.crd.FileIntegritySpec;
import io.fileintegrity.k8s.bridge.crd.Labels;
import io.fileintegrity.k8s.bridge.desired.ObjectNames;
import io.fileintegrity.k8s.bridge.desired.ProviderConfigMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keeps the operator's config ConfigMap {@code <fi>} equal to the provider configuration the FileIntegrity asks
 * for (the user's ConfigMap converted for {@code /hostroot}, or the default), with FIO's rules: a missing user
 * ConfigMap, key or empty text changes nothing; a changed text asks every node for a re-init; a lost label or
 * lost data is restored. A text the provider does not accept is never stored.
 *
 * <p>Restoring a ConfigMap someone edited does not re-init (FIO re-inits then): the desired text did not change,
 * the agents keep using it, and a re-init would accept every file change made meanwhile into the new baseline,
 * so anyone allowed to edit ConfigMaps could launder changes. The desired text of the previous reconcile is
 * remembered for that; after an operator restart the first difference is taken as a change, as in FIO.
 */
public class ConfigSync {

    /**
     * What happened.
     *
     * @param problem why the configuration was refused (file:line: message), or null
     * @param missing why the user ConfigMap was ignored, or null
     * @param contentChanged whether an existing config ConfigMap got new text (a re-init is due)
     */
    public record Outcome(String problem, String missing, boolean contentChanged) {
    }

    private final KubernetesClient client;
    private final ClusterReads reads;
    private final Map<String, String> lastDesired = new ConcurrentHashMap<>();

    public ConfigSync(KubernetesClient client) {
        this(client, new LiveReads(client));
    }

    public ConfigSync(KubernetesClient client, ClusterReads reads) {
        this.client = client;
        this.reads = reads;
    }

    /** The desired text for {@code fi}, null when the current one must be kept; sets {@code why} on a miss. */
    private String desiredText(FileIntegrity fi, StringBuilder why) {
        FileIntegrityConfig config = fi.getSpec().getConfig() == null ? new FileIntegrityConfig() : fi.getSpec().getConfig();
        boolean aide = FileIntegritySpec.DEFAULT_PROVIDER.equals(fi.getSpec().providerName());
        if (!config.hasUserConfigMap()) {
            return defaultText(fi);
        }
        ConfigMap user = reads.configMap(config.getNamespace(), config.getName());
        String text = user == null || user.getData() == null ? null : user.getData().get(config.keyOrDefault());
        if (text == null || text.isEmpty()) {
            why.append(user == null ? "ConfigMap " + source(config) + " not found"
                    : "ConfigMap " + source(config) + " has no data under that key");
            return null;
        }
        return aide ? AideConfConverter.convert(text) : text;
    }

    /** Brings the config ConfigMap up to date, merging in {@code requests} (and a re-init on a text change). */
    public Outcome sync(FileIntegrity fi, IntegrityProvider provider, ReinitRequests requests, long now) {
        StringBuilder why = new StringBuilder();
        String text = desiredText(fi, why);
        String name = fi.getMetadata().getName();
        ConfigMap current = reads.configMap(fi.getMetadata().getNamespace(), ObjectNames.configMap(name));
        String key = ProviderConfigMap.dataKey(fi.getSpec().providerName());
        String currentText = current == null || current.getData() == null ? null : current.getData().get(key);
        if (text == null) {
            text = currentText != null ? currentText : defaultText(fi);
        }
        List<ConfigProblem> problems = provider.validate(new ProviderConfig(sourceName(fi), text));
        if (!problems.isEmpty()) {
            return new Outcome(problems.stream().limit(5).map(ConfigProblem::toString).collect(Collectors.joining("; ")),
                    null, false);
        }
        String previous = lastDesired.put(fi.getMetadata().getNamespace() + "/" + name, text);
        boolean changed = current != null && !text.equals(currentText) && !text.equals(previous);
        ReinitRequests merged = changed ? requests.request(NodeList.ALL, now) : requests;
        ConfigMap desired = ProviderConfigMap.build(fi, text);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (!merged.tokens().isEmpty()) {
            annotations.put(Labels.REINIT_REQUESTS, merged.format());
        }
        desired.getMetadata().setAnnotations(annotations);
        if (current == null) {
            Conflicts.createOrReplace(() -> client.configMaps().resource(desired).create(),
                    () -> client.configMaps().resource(desired).update());
        } else if (differs(current, desired)) {
            desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
            client.configMaps().resource(desired).update();
        }
        return new Outcome(null, why.length() == 0 ? null : why.toString(), changed);
    }

    /** The pending re-init requests stored on {@code fi}'s config ConfigMap. */
    public ReinitRequests storedRequests(FileIntegrity fi) {
        ConfigMap current = reads.configMap(fi.getMetadata().getNamespace(), ObjectNames.configMap(fi.getMetadata().getName()));
        Map<String, String> annotations = current == null ? null : current.getMetadata().getAnnotations();
        return ReinitRequests.parse(annotations == null ? null : annotations.get(Labels.REINIT_REQUESTS));
    }

    private static String defaultText(FileIntegrity fi) {
        return FileIntegritySpec.DEFAULT_PROVIDER.equals(fi.getSpec().providerName()) ? DefaultAideConf.text() : "";
    }

    private static boolean differs(ConfigMap current, ConfigMap desired) {
        Map<String, String> labels = current.getMetadata().getLabels() == null ? Map.of() : current.getMetadata().getLabels();
        Map<String, String> annotations = current.getMetadata().getAnnotations() == null ? Map.of()
                : current.getMetadata().getAnnotations();
        return !Objects.equals(current.getData(), desired.getData())
                || !labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet())
                || !Objects.equals(annotations.get(Labels.REINIT_REQUESTS),
                        desired.getMetadata().getAnnotations().get(Labels.REINIT_REQUESTS));
    }

    private static String sourceName(FileIntegrity fi) {
        FileIntegrityConfig config = fi.getSpec().getConfig();
        return config != null && config.hasUserConfigMap() ? source(config)
                : fi.getMetadata().getNamespace() + "/" + fi.getMetadata().getName() + ":default";
    }

    private static String source(FileIntegrityConfig config) {
        return config.getNamespace() + "/" + config.getName() + ":" + config.keyOrDefault();
    }
}
