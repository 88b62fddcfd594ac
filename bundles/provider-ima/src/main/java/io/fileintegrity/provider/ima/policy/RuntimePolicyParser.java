package io.fileintegrity.provider.ima.policy;

import io.fileintegrity.api.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Keylime runtime policy (JSON, {@code meta.version} 1) and checks it as Keylime's schema
 * does: every top-level key present, digests bare lower-case hex of 40 to 128 digits, excludes valid
 * regexes. Problems name the member, e.g. {@code digests["/usr/bin/bash"][0]}.
 */
public final class RuntimePolicyParser {

    static final Pattern DIGEST = Pattern.compile("[0-9a-f]{40,128}");
    private static final List<String> REQUIRED = List.of(
            "meta", "release", "digests", "excludes", "keyrings", "ima", "ima-buf", "verification-keys");
    private static final Set<String> LOG_HASH_ALGORITHMS = Set.of("sha1", "sha256", "sha384", "sha512");

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private RuntimePolicyParser(String source) {
        this.source = source;
    }

    /** Parses the policy text; {@code source} names it in problems. */
    public static PolicyParseResult parse(String source, String text) {
        RuntimePolicyParser parser = new RuntimePolicyParser(source);
        Object root;
        try {
            root = JsonReader.parse(text);
        } catch (JsonException e) {
            return PolicyParseResult.failed(List.of(new ConfigProblem(source, e.line(), e.getMessage())));
        }
        RuntimePolicy policy = parser.policy(root);
        return parser.problems.isEmpty() ? PolicyParseResult.of(policy) : PolicyParseResult.failed(parser.problems);
    }

    private RuntimePolicy policy(Object root) {
        if (!(root instanceof Map<?, ?> top)) {
            problem("a runtime policy is a JSON object");
            return null;
        }
        if (top.containsKey("payload") && top.containsKey("signatures")) {
            problem("signed policies (DSSE envelopes) are not supported: give the decoded payload");
            return null;
        }
        REQUIRED.stream().filter(k -> !top.containsKey(k)).forEach(k -> problem("missing member \"" + k + "\""));
        checkMeta(top.get("meta"));
        Map<String, Set<String>> digests = digestMap("digests", top.get("digests"));
        Optional<Pattern> excludes = excludes(top.get("excludes"));
        Map<String, Set<String>> keyrings = digestMap("keyrings", top.get("keyrings"));
        Map<String, Set<String>> imaBuf = digestMap("ima-buf", top.get("ima-buf"));
        Map<?, ?> ima = top.get("ima") instanceof Map<?, ?> m ? m : Map.of();
        if (top.containsKey("ima") && !(top.get("ima") instanceof Map)) {
            problem("\"ima\" must be an object");
        }
        Set<String> ignored = new LinkedHashSet<>(strings("ima.ignored_keyrings", ima.get("ignored_keyrings")));
        String logHash = ima.get("log_hash_alg") instanceof String s ? s : "sha1";
        if (ima.containsKey("log_hash_alg") && !LOG_HASH_ALGORITHMS.contains(ima.get("log_hash_alg"))) {
            problem("ima.log_hash_alg must be one of sha1, sha256, sha384, sha512");
        }
        if (ima.get("dm_policy") != null) {
            problem("ima.dm_policy (device-mapper validation) is not supported; set it to null");
        }
        List<byte[]> keys = VerificationKeys.parse(top.get("verification-keys"), this::problem);
        return problems.isEmpty()
                ? new RuntimePolicy(digests, excludes, keyrings, imaBuf, ignored, logHash, keys) : null;
    }

    private void checkMeta(Object meta) {
        if (meta == null) {
            return;
        }
        if (!(meta instanceof Map<?, ?> m) || !(m.get("version") instanceof Long version)) {
            problem("meta.version must be a number");
        } else if (version != 1) {
            problem("meta.version " + version + " is not supported (only 1)");
        }
    }

    private Map<String, Set<String>> digestMap(String member, Object value) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem("\"" + member + "\" must be an object of name to list of digests");
            return out;
        }
        for (var entry : map.entrySet()) {
            String where = member + "[\"" + entry.getKey() + "\"]";
            List<String> list = strings(where, entry.getValue());
            for (int i = 0; i < list.size(); i++) {
                if (!DIGEST.matcher(list.get(i)).matches()) {
                    problem(where + "[" + i + "] \"" + shorten(list.get(i))
                            + "\" is not a bare lower-case hex digest of 40 to 128 digits");
                }
            }
            out.put((String) entry.getKey(), new LinkedHashSet<>(list));
        }
        return out;
    }

    private Optional<Pattern> excludes(Object value) {
        List<String> regexes = strings("excludes", value);
        for (int i = 0; i < regexes.size(); i++) {
            try {
                ExcludePatterns.compile(regexes.get(i));
            } catch (PatternSyntaxException e) {
                problem("excludes[" + i + "] is not a valid regex: " + e.getDescription());
            }
        }
        return problems.isEmpty() ? ExcludePatterns.combine(regexes) : Optional.empty();
    }

    private List<String> strings(String where, Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            problem(where + " must be a list of strings");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s) {
                out.add(s);
            } else {
                problem(where + "[" + i + "] must be a string");
            }
        }
        return out;
    }

    private void problem(String message) {
        problems.add(new ConfigProblem(source, 0, message));
    }

    private static String shorten(String text) {
        return io.fileintegrity.provider.ima.template.TemplateFieldText.shorten(text);
    }
}
