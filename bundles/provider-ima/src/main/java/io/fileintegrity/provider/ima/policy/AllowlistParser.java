package io.fileintegrity.provider.ima.policy;

import io.fileintegrity.api.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads Keylime's legacy flat allowlist: {@code <hex> <path>} per line, split at the first run of
 * white space, spaces in the path mapped to '_' as IMA does; {@code <hex> %keyring:<name>} lines list
 * keys. Differences from Keylime, all documented in the README: a {@code <algo>:} prefix on the digest
 * is dropped, {@code #} starts a comment line, a line that does not split in two is a problem (Keylime
 * skips it), and {@code %exclude:<regex>} lines (ours) carry exclude regexes so that one text can hold
 * a whole policy.
 */
public final class AllowlistParser {

    private static final String KEYRING = "%keyring:";
    private static final String EXCLUDE = "%exclude:";

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, Set<String>> digests = new LinkedHashMap<>();
    private final Map<String, Set<String>> keyrings = new LinkedHashMap<>();
    private final List<String> excludes = new ArrayList<>();

    private AllowlistParser() {
    }

    /** Parses an allowlist and, optionally, an exclude list (one regex per line). */
    public static PolicyParseResult parse(String source, String allowlist, String excludeSource, String excludeList) {
        AllowlistParser parser = new AllowlistParser();
        String[] lines = allowlist.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.allowlistLine(source, i + 1, lines[i].strip());
        }
        String[] excludeLines = excludeList.split("\n", -1);
        for (int i = 0; i < excludeLines.length; i++) {
            if (!excludeLines[i].isBlank()) {
                parser.exclude(excludeSource, i + 1, excludeLines[i].strip());
            }
        }
        if (!parser.problems.isEmpty()) {
            return PolicyParseResult.failed(parser.problems);
        }
        return PolicyParseResult.of(new RuntimePolicy(parser.digests, ExcludePatterns.combine(parser.excludes),
                parser.keyrings, Map.of(), Set.of(), "sha1", List.of()));
    }

    private void allowlistLine(String source, int number, String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith(EXCLUDE)) {
            exclude(source, number, line.substring(EXCLUDE.length()));
            return;
        }
        String[] pieces = line.split("\\s+", 2);
        String digest = pieces[0].substring(pieces[0].indexOf(':') + 1);
        if (pieces.length != 2 || !RuntimePolicyParser.DIGEST.matcher(digest).matches()) {
            problems.add(new ConfigProblem(source, number,
                    "expected '<hex digest> <path>', the digest bare lower-case hex of 40 to 128 digits"));
        } else if (pieces[1].startsWith(KEYRING)) {
            keyrings.computeIfAbsent(pieces[1].substring(KEYRING.length()), k -> new LinkedHashSet<>()).add(digest);
        } else {
            digests.computeIfAbsent(pieces[1].replace(' ', '_'), k -> new LinkedHashSet<>()).add(digest);
        }
    }

    private void exclude(String source, int line, String regex) {
        try {
            ExcludePatterns.compile(regex);
            excludes.add(regex);
        } catch (PatternSyntaxException e) {
            problems.add(new ConfigProblem(source, line, "not a valid regex: " + e.getDescription()));
        }
    }

    /** Whether a text looks like a runtime policy rather than an allowlist. */
    public static boolean isJson(String text) {
        return text.stripLeading().startsWith("{");
    }

    /** Parses a policy text of either kind, choosing by its first character. */
    public static PolicyParseResult parseAny(String source, String text) {
        return isJson(text) ? RuntimePolicyParser.parse(source, text) : parse(source, text, "", "");
    }
}
