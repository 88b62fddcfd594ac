package io.fileintegrity.provider.aide.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One selection line after evaluation: variables expanded, escapes and the include prefix applied, the
 * attribute expression resolved.
 *
 * @param type selective, equals or negative
 * @param regex the full regular expression as AIDE sees it (include prefix + expanded path)
 * @param pattern {@code regex} compiled for {@link java.util.regex.Matcher#lookingAt()} (anchored at start)
 * @param restriction file types the rule applies to; empty means any type
 * @param attributes attributes to record (empty for negative rules)
 * @param source config file the line is in
 * @param line 1-based line number
 * @param lineText the line as written
 * @param prefix the {@code @@include} rule prefix that was put in front, or null
 */
public record Rule(RuleType type, String regex, Pattern pattern, Set<FileType> restriction,
        AttributeSet attributes, String source, int line, String lineText, String prefix) {

    public Rule {
        restriction = Set.copyOf(restriction);
    }

    /** True if the rule has no restriction or {@code type} is in it. */
    public boolean appliesTo(FileType type) {
        return restriction.isEmpty() || restriction.contains(type);
    }

    /** {@code f,d} in AIDE's letter order, or {@code (none)}. */
    public String restrictionText() {
        if (restriction.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (FileType t : FileType.values()) {
            if (restriction.contains(t)) {
                sb.append(sb.length() > 0 ? "," : "").append(t.letter());
            }
        }
        return sb.toString();
    }

    /** {@code source:line}. */
    public String location() {
        return source + ":" + line;
    }
}
