package io.fileintegrity.k8s.bridge.crd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an object against a generated CRD's structural schema the way the API server would before
 * storing it: unknown fields (which the server would prune), wrong types, enum values, minimums and
 * missing required fields are listed as problems with their JSON path.
 */
final class SchemaCheck {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> TOP_LEVEL_SKIPPED = List.of("apiVersion", "kind", "metadata");

    private final Map<String, Object> schema;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(Map<String, Object> schema) {
        this.schema = schema;
    }

    /** The generated CRD of {@code plural}, from the build output. */
    static Map<String, Object> crd(String plural) throws IOException {
        Path file = Path.of("target/classes/META-INF/fabric8", plural + ".fileintegrity.openshift.io-v1.yml");
        return read(Files.newInputStream(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(InputStream in) throws IOException {
        try (in) {
            return YAML.readValue(in, Map.class);
        }
    }

    /** The problems of {@code object} against the first version's schema of {@code crd}; empty when valid. */
    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> crd, Map<String, Object> object) {
        Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
        Map<String, Object> version = ((List<Map<String, Object>>) spec.get("versions")).get(0);
        Map<String, Object> root = (Map<String, Object>) ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
        SchemaCheck check = new SchemaCheck(root);
        check.object("", root, object, true);
        return check.problems;
    }

    /** The schema of the property at {@code dotted} path (e.g. {@code spec.config.gracePeriod}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> property(Map<String, Object> crd, String dotted) {
        Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
        Map<String, Object> version = ((List<Map<String, Object>>) spec.get("versions")).get(0);
        Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
        for (String part : dotted.split("\\.")) {
            node = (Map<String, Object>) ((Map<String, Object>) node.get("properties")).get(part);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private void object(String path, Map<String, Object> schemaNode, Map<String, Object> value, boolean top) {
        Map<String, Object> properties = (Map<String, Object>) schemaNode.getOrDefault("properties", Map.of());
        Object additional = schemaNode.get("additionalProperties");
        for (Map.Entry<String, Object> e : value.entrySet()) {
            if (top && TOP_LEVEL_SKIPPED.contains(e.getKey())) {
                continue;
            }
            String childPath = path + "." + e.getKey();
            Object childSchema = properties.containsKey(e.getKey()) ? properties.get(e.getKey()) : additional;
            if (childSchema instanceof Map<?, ?> map) {
                value(childPath, (Map<String, Object>) map, e.getValue());
            } else if (!Boolean.TRUE.equals(schemaNode.get("x-kubernetes-preserve-unknown-fields"))) {
                problems.add(childPath + ": unknown field, the API server would prune it");
            }
        }
        for (Object required : (List<Object>) schemaNode.getOrDefault("required", List.of())) {
            if (!value.containsKey(required)) {
                problems.add(path + "." + required + ": required but missing");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void value(String path, Map<String, Object> node, Object value) {
        String type = (String) node.get("type");
        boolean ok = switch (type == null ? "" : type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
        if (!ok) {
            problems.add(path + ": expected " + type + " but got " + value);
            return;
        }
        if (node.containsKey("enum") && !((List<Object>) node.get("enum")).contains(value)) {
            problems.add(path + ": " + value + " is not one of " + node.get("enum"));
        }
        if (node.get("minimum") instanceof Number min && ((Number) value).doubleValue() < min.doubleValue()) {
            problems.add(path + ": " + value + " is below the minimum " + min);
        }
        if (value instanceof Map<?, ?> map) {
            object(path, node, (Map<String, Object>) map, false);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                value(path + "[" + i + "]", (Map<String, Object>) node.get("items"), list.get(i));
            }
        }
    }
}
