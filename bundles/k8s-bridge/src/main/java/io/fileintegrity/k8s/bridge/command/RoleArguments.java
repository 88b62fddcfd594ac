package io.fileintegrity.k8s.bridge.command;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --key=value} (or {@code --key value}) arguments into configuration properties of a role's PID, typed
 * as the role's configuration declares them. Unknown keys and bad numbers (not whole, or negative: no role option
 * has a meaning below 0) are errors naming the argument.
 */
final class RoleArguments {

    /** The type of one property. */
    enum Type { STRING, STRINGS, INT, LONG, BOOLEAN }

    private RoleArguments() {
    }

    /**
     * The properties given by {@code args}.
     *
     * @param types the accepted keys and their types
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    static Hashtable<String, Object> parse(List<String> args, Map<String, Type> types) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            Type type = types.get(key);
            if (type == null) {
                throw new IllegalArgumentException("unknown option '--" + key + "'");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (type == Type.BOOLEAN) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("option '--" + key + "' needs a value");
            }
            properties.put(key, convert(key, type, value));
        }
        return properties;
    }

    private static Object convert(String key, Type type, String value) {
        try {
            return switch (type) {
                case STRING -> value;
                case STRINGS -> value.split(",");
                case INT -> (int) nonNegative(key, Integer.parseInt(value.trim()));
                case LONG -> nonNegative(key, Long.parseLong(value.trim()));
                case BOOLEAN -> parseBoolean(value);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '--" + key + "' needs a whole number, not '" + value + "'");
        }
    }

    private static long nonNegative(String key, long number) {
        if (number < 0) {
            throw new IllegalArgumentException("option '--" + key + "' must be 0 or more, not " + number);
        }
        return number;
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(value);
        };
    }
}
