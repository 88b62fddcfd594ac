package io.fileintegrity.provider.aide.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** The rules of one kind at one node, tried in config order ({@code check_list_for_match}). */
final class RuleList {

    /** A full match (rule set) or only a partial one. */
    record Hit(Rule rule, boolean partial) {
    }

    private static final Hit NONE = new Hit(null, false);
    private static final Hit PARTIAL = new Hit(null, true);

    private final List<Rule> rules = new ArrayList<>();
    private final List<String> literals = new ArrayList<>();

    void add(Rule rule) {
        rules.add(rule);
        literals.add(LiteralPrefix.of(rule.regex()));
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The first rule whose regex matches {@code text} at its start and whose restriction admits
     * {@code type}. A regex match with the wrong type, or a match cut short by the end of the text,
     * counts as partial. With {@code unrestrictedOnly}, restricted rules are skipped.
     */
    Hit check(String text, FileType type, boolean unrestrictedOnly) {
        boolean partial = false;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (unrestrictedOnly && !r.restriction().isEmpty()) {
                continue;
            }
            String literal = literals.get(i);
            if (!text.startsWith(literal)) {
                // a prefix of the literal start could still match when longer; anything else cannot match
                partial |= literal.startsWith(text);
                continue;
            }
            Matcher m = r.pattern().matcher(new MatchBudget(text, MatchBudget.DEFAULT_READS));
            try {
                if (m.lookingAt()) {
                    if (r.appliesTo(type)) {
                        return new Hit(r, partial);
                    }
                    partial = true;
                } else if (m.hitEnd()) {
                    partial = true;
                }
            } catch (MatchBudget.Exhausted e) {
                // like PCRE2_ERROR_MATCHLIMIT in AIDE: neither a match nor a partial match
            }
        }
        return partial ? PARTIAL : NONE;
    }
}
