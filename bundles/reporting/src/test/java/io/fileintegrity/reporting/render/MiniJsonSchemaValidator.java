package io.fileintegrity.reporting.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a parsed JSON value against the subset of JSON Schema 2020-12 our schema uses: type,
 * const, enum, required, properties, additionalProperties (false or a schema), items, minimum and
 * local $ref. Returns every violation with its JSON pointer.
 */
final class MiniJsonSchemaValidator {

    private final Map<String, Object> root;
    private final List<String> problems = new ArrayList<>();

    private MiniJsonSchemaValidator(Map<String, Object> root) {
        this.root = root;
    }

    static List<String> validate(Map<String, Object> schema, Object value) {
        MiniJsonSchemaValidator validator = new MiniJsonSchemaValidator(schema);
        validator.check(schema, value, "");
        return validator.problems;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object value, String pointer) {
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            Map<String, Object> target = root;
            for (String part : ref.substring(2).split("/")) {
                target = (Map<String, Object>) target.get(part);
            }
            check(target, value, pointer);
            return;
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            problems.add(pointer + ": expected " + schema.get("const") + " but was " + value);
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
            problems.add(pointer + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.containsKey("type") && !hasType((String) schema.get("type"), value)) {
            problems.add(pointer + ": expected " + schema.get("type") + " but was " + value);
            return;
        }
        if (schema.containsKey("minimum") && value instanceof Number n
                && n.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
            problems.add(pointer + ": " + n + " is below the minimum");
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(schema, (Map<String, Object>) object, pointer);
        }
        if (value instanceof List<?> array && schema.containsKey("items")) {
            for (int i = 0; i < array.size(); i++) {
                check((Map<String, Object>) schema.get("items"), array.get(i), pointer + "/" + i);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(Map<String, Object> schema, Map<String, Object> object, String pointer) {
        for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (!object.containsKey(name)) {
                problems.add(pointer + ": missing required member '" + name + "'");
            }
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Object additional = schema.getOrDefault("additionalProperties", Boolean.TRUE);
        for (Map.Entry<String, Object> member : object.entrySet()) {
            String child = pointer + "/" + member.getKey();
            if (properties.containsKey(member.getKey())) {
                check((Map<String, Object>) properties.get(member.getKey()), member.getValue(), child);
            } else if (Boolean.FALSE.equals(additional)) {
                problems.add(child + ": member not allowed by the schema");
            } else if (additional instanceof Map<?, ?> additionalSchema) {
                check((Map<String, Object>) additionalSchema, member.getValue(), child);
            }
        }
    }

    private static boolean hasType(String type, Object value) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            default -> throw new IllegalArgumentException("schema type not supported by the test validator: " + type);
        };
    }
}
