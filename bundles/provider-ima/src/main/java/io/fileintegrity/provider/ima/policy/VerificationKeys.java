package io.fileintegrity.provider.ima.policy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The policy's {@code verification-keys}: a JSON string that itself holds
 * {@code {"pubkeys": [<base64 DER SubjectPublicKeyInfo>...], "keyids": [...]}} (an "IMA keyring").
 * An empty string means no keys.
 */
final class VerificationKeys {

    private VerificationKeys() {
    }

    static List<byte[]> parse(Object value, Consumer<String> problems) {
        List<byte[]> keys = new ArrayList<>();
        if (value == null || "".equals(value)) {
            return keys;
        }
        if (!(value instanceof String text)) {
            problems.accept("\"verification-keys\" must be a string holding JSON");
            return keys;
        }
        Object keyring;
        try {
            keyring = JsonReader.parse(text);
        } catch (JsonException e) {
            problems.accept("\"verification-keys\" does not hold valid JSON: " + e.getMessage());
            return keys;
        }
        Object pubkeys = keyring instanceof Map<?, ?> map ? map.get("pubkeys") : null;
        if (!(pubkeys instanceof List<?> list)) {
            problems.accept("\"verification-keys\" must hold an object with a \"pubkeys\" list");
            return keys;
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                keys.add(Base64.getDecoder().decode((String) list.get(i)));
            } catch (ClassCastException | IllegalArgumentException e) {
                problems.accept("verification-keys pubkeys[" + i + "] is not a base64 string");
            }
        }
        return keys;
    }
}
