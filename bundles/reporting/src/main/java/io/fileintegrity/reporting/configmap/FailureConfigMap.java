package io.fileintegrity.reporting.configmap;

import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.reporting.render.JsonParser;
import io.fileintegrity.reporting.render.JsonSyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a failure ConfigMap ({@code aide-ds-<fi>-<node>-failed}) that hold a scan's log, read
 * from {@code kubectl get cm NAME -o yaml} or {@code -o json}.
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, empty when absent
 * @param annotations {@code metadata.annotations}
 * @param integrityLog {@code data.integritylog} as stored (maybe compressed)
 */
public record FailureConfigMap(String name, String namespace, Map<String, String> annotations, String integrityLog) {

    /** FIO's data key for the log. */
    public static final String LOG_KEY = "integritylog";
    /** FIO's annotation: present when the log is gzip then base64. */
    public static final String COMPRESSED_ANNOTATION = "file-integrity.openshift.io/compressed";

    public FailureConfigMap {
        annotations = Map.copyOf(annotations);
    }

    /** The stored log with its compression flag, ready for decoding. */
    public ConfigMapLog log() {
        return new ConfigMapLog(integrityLog, annotations.containsKey(COMPRESSED_ANNOTATION));
    }

    /** An annotation's value, or {@code fallback}. */
    public String annotation(String key, String fallback) {
        return annotations.getOrDefault(key, fallback);
    }

    /**
     * Reads a manifest; JSON when the text starts with {@code {}, YAML otherwise.
     *
     * @throws ManifestSyntaxException when the text is malformed or not a ConfigMap with a log
     */
    public static FailureConfigMap parse(String manifest) throws ManifestSyntaxException {
        Map<String, Object> root;
        if (manifest.stripLeading().startsWith("{")) {
            try {
                root = asMap(JsonParser.parse(manifest), "(document)");
            } catch (JsonSyntaxException e) {
                throw new ManifestSyntaxException(e.getMessage());
            }
        } else {
            root = KubectlYamlReader.read(manifest);
        }
        return fromTree(root);
    }

    private static FailureConfigMap fromTree(Map<String, Object> root) throws ManifestSyntaxException {
        Object kind = root.get("kind");
        if (!"ConfigMap".equals(kind)) {
            throw new ManifestSyntaxException("expected one object of kind ConfigMap, found kind '" + kind
                    + "' (use kubectl get cm NAME, not a list)");
        }
        Map<String, Object> metadata = asMap(root.getOrDefault("metadata", Map.of()), "metadata");
        Map<String, Object> data = asMap(root.getOrDefault("data", Map.of()), "data");
        if (!(data.get(LOG_KEY) instanceof String log)) {
            throw new ManifestSyntaxException("the ConfigMap has no data." + LOG_KEY
                    + " (a ConfigMap of a succeeded or errored scan holds no log)");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : asMap(metadata.getOrDefault("annotations", Map.of()),
                "metadata.annotations").entrySet()) {
            annotations.put(entry.getKey(), String.valueOf(entry.getValue()));
        }
        return new FailureConfigMap(String.valueOf(metadata.getOrDefault("name", "")),
                String.valueOf(metadata.getOrDefault("namespace", "")), annotations, log);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) throws ManifestSyntaxException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if ("".equals(value)) {
            return Map.of();
        }
        throw new ManifestSyntaxException("'" + where + "' is not a mapping");
    }
}
