package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.Origin;
import io.fileintegrity.provider.aide.config.Statement.StringExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state shared while statements are evaluated top to bottom. */
final class Evaluation {

    final ParseOptions parseOptions;
    final ConfigFiles files;
    final ProblemLog problems = new ProblemLog();
    final Map<String, String> variables = new LinkedHashMap<>();
    final Map<String, String> execEnvironment = new LinkedHashMap<>();
    final GroupTable groups = new GroupTable();
    final OptionState options = new OptionState();
    final List<Rule> rules = new ArrayList<>();
    final List<DroppedHash> dropped = new ArrayList<>();

    Evaluation(ParseOptions parseOptions, ConfigFiles files) {
        this.parseOptions = parseOptions;
        this.files = files;
        variables.putAll(parseOptions.defines());
    }

    /** Concatenates the fragments; an undefined variable is empty, {@code HOSTNAME} is predefined. */
    String expand(StringExpr expression) {
        StringBuilder sb = new StringBuilder();
        for (StringExpr.Fragment f : expression.fragments()) {
            if (!f.variable()) {
                sb.append(f.text());
            } else if (variables.containsKey(f.text())) {
                String value = variables.get(f.text());
                sb.append(value == null ? "" : value);
            } else if (f.text().equals("HOSTNAME") && parseOptions.hostname() != null) {
                sb.append(parseOptions.hostname());
            }
        }
        return sb.toString();
    }

    /**
     * Applies the FIPS policy to the hashes of a rule or option: returns the attributes to use, or null
     * if the line is an error (non-approved hashes and no opt-in to drop them).
     */
    AttributeSet approvedOnly(AttributeSet attributes, Origin origin, String where) {
        AttributeSet bad = attributes.nonApprovedHashes();
        if (bad.isEmpty()) {
            return attributes;
        }
        if (parseOptions.dropNonApprovedHashes()) {
            dropped.add(new DroppedHash(origin.source(), origin.line(), where, bad));
            problems.warn(origin, "dropped non-approved hash algorithm(s) " + names(bad) + " from '" + where + "'");
            return attributes.minus(bad);
        }
        problems.error(origin, "'" + where + "' uses hash algorithm(s) not approved for FIPS mode: " + names(bad)
                + "; use " + names(AttributeSet.FIPS_APPROVED_HASHES)
                + " instead (or allow dropping non-approved hashes)");
        return null;
    }

    static String names(AttributeSet set) {
        return String.join(", ", set.toList().stream().map(Attribute::configName).toList());
    }
}
