package io.fileintegrity.provider.ima.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Keylime's exclude list: Python regular expressions, combined as {@code (r1)|(r2)|...} and applied
 * with {@code re.match} (anchored at the start only). The Python-only spellings used in practice are
 * translated: {@code (?P<name>...)}, {@code (?P=name)} and {@code \Z}.
 */
public final class ExcludePatterns {

    private ExcludePatterns() {
    }

    /** Translates one Python regex, or throws {@link PatternSyntaxException} when Java rejects it. */
    public static Pattern compile(String pythonRegex) {
        String java = pythonRegex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>")
                .replace("\\Z", "\\z");
        return Pattern.compile(java);
    }

    /** The combined pattern of valid regexes, or empty when there are none. */
    public static Optional<Pattern> combine(List<String> pythonRegexes) {
        if (pythonRegexes.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder combined = new StringBuilder();
        for (String regex : pythonRegexes) {
            combined.append(combined.length() == 0 ? "(" : "|(").append(compile(regex).pattern()).append(')');
        }
        return Optional.of(Pattern.compile(combined.toString()));
    }
}
