package io.fileintegrity.provider.ostree.config;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.provider.ostree.verify.EtcPolicy;
import io.fileintegrity.provider.ostree.verify.VerificationPolicy;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the line-based configuration: {@code KEYWORD VALUE...} per line, {@code #} comments. See
 * the bundle README for the keywords. Every problem is reported with its line; an empty text gives
 * {@link OstreeConfig#DEFAULTS}.
 */
public final class OstreeConfigParser {

    /** The configuration and the problems found; the configuration is only usable when there are none. */
    public record Parsed(OstreeConfig config, List<ConfigProblem> problems) {}

    private static final List<String> SINGLE = List.of("etc", "owner", "xattrs", "rotate", "sysroot", "repo", "commit",
            "tree");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._:/-]+");

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, String> single = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> ignore = new ArrayList<>();

    private OstreeConfigParser(String source) {
        this.source = source;
    }

    public static Parsed parse(ProviderConfig config) {
        OstreeConfigParser parser = new OstreeConfigParser(config.source());
        String[] lines = config.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i]);
        }
        return new Parsed(parser.build(), List.copyOf(parser.problems));
    }

    private void line(int number, String raw) {
        int hash = raw.indexOf('#');
        String text = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
        if (text.isEmpty()) {
            return;
        }
        String[] words = text.split("\\s+");
        String keyword = words[0];
        List<String> values = List.of(words).subList(1, words.length);
        if (values.isEmpty()) {
            problem(number, "'" + keyword + "' needs a value");
        } else if (keyword.equals("path")) {
            values.forEach(v -> absolutePath(number, "path", v).ifPresent(paths::add));
        } else if (keyword.equals("ignore")) {
            values.forEach(v -> pattern(number, v).ifPresent(ignore::add));
        } else if (SINGLE.contains(keyword)) {
            singleValue(number, keyword, values);
        } else {
            problem(number, "unknown keyword '" + keyword + "' (known: path, ignore, " + String.join(", ", SINGLE) + ")");
        }
    }

    private void singleValue(int number, String keyword, List<String> values) {
        if (values.size() != 1) {
            problem(number, "'" + keyword + "' takes one value, found " + values.size());
            return;
        }
        if (single.containsKey(keyword)) {
            problem(number, "'" + keyword + "' is already set on line " + lines.get(keyword));
            return;
        }
        String value = values.get(0);
        boolean valid = switch (keyword) {
            case "etc" -> check(number, EtcPolicy.fromWord(value).isPresent(), "etc must be ignore, info or report, not '" + value + "'");
            case "owner", "xattrs" -> check(number, value.equals("check") || value.equals("ignore"),
                    keyword + " must be check or ignore, not '" + value + "'");
            case "commit" -> check(number, REF.matcher(value).matches() && !value.contains(".."),
                    "commit must be a checksum or a ref, not '" + value + "'");
            case "rotate" -> check(number, value.matches("[1-9][0-9]{0,3}"),
                    "rotate must be a number of checks from 1 to 9999, not '" + value + "'");
            default -> absolutePath(number, keyword, value).isPresent();
        };
        if (valid) {
            single.put(keyword, value);
            lines.put(keyword, number);
        }
    }

    private Optional<String> absolutePath(int number, String keyword, String value) {
        if (!value.startsWith("/") || value.contains("/../") || value.endsWith("/..") || value.contains("//")) {
            problem(number, keyword + " must be an absolute path without '..': '" + value + "'");
            return Optional.empty();
        }
        return Optional.of(value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    private Optional<String> pattern(int number, String value) {
        if (!value.startsWith("/")) {
            problem(number, "ignore patterns are absolute host paths, e.g. /usr/share/doc/**: '" + value + "'");
            return Optional.empty();
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + value);
            return Optional.of(value);
        } catch (IllegalArgumentException e) {
            problem(number, "invalid ignore pattern '" + value + "': " + e.getMessage().split("\n")[0]);
            return Optional.empty();
        }
    }

    private boolean check(int number, boolean ok, String message) {
        if (!ok) {
            problem(number, message);
        }
        return ok;
    }

    private void problem(int number, String message) {
        problems.add(new ConfigProblem(source, number, message));
    }

    private OstreeConfig build() {
        List<String> explicit = List.of("repo", "commit", "tree");
        long given = explicit.stream().filter(single::containsKey).count();
        if (given > 0 && given < 3) {
            problems.add(new ConfigProblem(source, 0, "repo, commit and tree go together; missing: "
                    + String.join(", ", explicit.stream().filter(k -> !single.containsKey(k)).toList())));
        }
        if (given > 0 && single.containsKey("sysroot")) {
            problems.add(new ConfigProblem(source, lines.get("sysroot"), "sysroot cannot be combined with repo/commit/tree"));
        }
        VerificationPolicy policy = new VerificationPolicy(paths.isEmpty() ? List.of("/") : paths,
                EtcPolicy.fromWord(single.getOrDefault("etc", "info")).orElse(EtcPolicy.INFO), ignore,
                !single.getOrDefault("owner", "check").equals("ignore"),
                !single.getOrDefault("xattrs", "check").equals("ignore"));
        Optional<OstreeConfig.ExplicitTarget> target = given == 3
                ? Optional.of(new OstreeConfig.ExplicitTarget(single.get("repo"), single.get("commit"), single.get("tree")))
                : Optional.empty();
        return new OstreeConfig(policy, single.getOrDefault("sysroot", "/"), target,
                Integer.parseInt(single.getOrDefault("rotate", "1")));
    }
}
