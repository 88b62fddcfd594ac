package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.Origin;
import io.fileintegrity.provider.aide.config.Statement.RuleStatement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Evaluates selection lines ({@code eval_rule_statement} and {@code add_rx_rule_to_tree} in AIDE 0.18). */
final class RuleEvaluator {

    private final Evaluation ev;

    RuleEvaluator(Evaluation ev) {
        this.ev = ev;
    }

    void apply(RuleStatement st, String prefix) {
        Origin at = st.origin();
        String rx = ev.expand(st.path());
        if (ev.parseOptions.dryRun() && ev.options.configCheckWarnUnrestrictedRules && st.restrictions() == null) {
            ev.problems.warn(at, longName(st.type()) + " '" + rx + "' is unrestricted");
        }
        Set<FileType> restriction = restriction(st.restrictions(), at);
        AttributeSet attributes = st.attributes() == null ? AttributeSet.EMPTY
                : ev.groups.evaluate(st.attributes(), at, ev.problems);
        String regex = prefix == null ? rx : prefix + rx;
        Pattern pattern = compile(regex, at);
        if (restriction == null || attributes == null || pattern == null) {
            return;
        }
        attributes = ev.approvedOnly(attributes, at, st.type().prefix() + regex);
        if (attributes == null) {
            return;
        }
        warnAboutSpecialAttributes(attributes, at);
        ev.rules.add(new Rule(st.type(), regex, pattern, restriction, attributes, at.source(), at.line(), at.text(),
                prefix));
    }

    private Set<FileType> restriction(List<String> words, Origin at) {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        if (words == null) {
            return types;
        }
        boolean ok = true;
        for (String w : words) {
            if (w.startsWith("0")) {
                continue; // AIDE compares only the first character with "0": unrestricted
            }
            FileType t = w.length() == 1 ? FileType.fromLetter(w.charAt(0)).orElse(null) : null;
            if (t == null) {
                ev.problems.error(at, "invalid restriction '" + w + "'");
                ok = false;
            } else {
                types.add(t);
            }
        }
        return ok ? types : null;
    }

    private Pattern compile(String regex, Origin at) {
        Pattern pattern;
        try {
            pattern = RegexTranslator.compile(regex);
        } catch (PatternSyntaxException e) {
            ev.problems.error(at, "error in rule '" + regex + "': " + e.getDescription() + " (at offset "
                    + Math.max(0, e.getIndex()) + ")");
            return null;
        }
        String node = RuleNodes.nodeOf(regex);
        if (node.contains("//")) {
            ev.problems.error(at, "error in rule '" + regex + "': invalid double slash");
            return null;
        }
        return pattern;
    }

    private void warnAboutSpecialAttributes(AttributeSet attributes, Origin at) {
        if (attributes.contains(Attribute.SIZEG)) {
            ev.problems.warn(at, "using 'S' attribute is DEPRECATED, use 'growing+s' instead");
        }
        if (attributes.contains(Attribute.COMPRESSED) && attributes.hashes().isEmpty()) {
            ev.problems.warn(at, "ignore 'compressed' attribute (no hashsum attributes are set)");
        }
    }

    private static String longName(RuleType type) {
        return switch (type) {
            case SELECTIVE -> "selective rule";
            case EQUALS -> "equal rule";
            case NEGATIVE -> "negative rule";
        };
    }
}
