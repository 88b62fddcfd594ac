package io.fileintegrity.provider.ima.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: {@code --name value} options (repeatable ones keep every value) and
 * {@code --flag}s; anything else is an error naming the argument.
 */
final class Arguments {

    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private Arguments() {
    }

    /**
     * @param withValue options that take a value
     * @param flags options without one
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
     */
    static Arguments parse(List<String> args, Set<String> withValue, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flags.contains(arg)) {
                parsed.options.computeIfAbsent(arg, k -> new ArrayList<>()).add("");
            } else if (withValue.contains(name)) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new IllegalArgumentException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg);
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        if (values != null && values.size() > 1) {
            throw new IllegalArgumentException("option " + name + " given " + values.size() + " times");
        }
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }
}
