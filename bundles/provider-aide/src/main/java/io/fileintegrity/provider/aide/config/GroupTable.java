package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.AttrExpr;
import io.fileintegrity.provider.aide.config.Statement.Origin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attribute groups: every attribute's config name, the compound groups AIDE predefines, and the groups a
 * config defines. Values are copied when an expression is evaluated, so redefining a group later does not
 * change earlier rules.
 */
final class GroupTable {

    /** AIDE's {@code X}: the optional attributes compiled in (all of them here). */
    static final AttributeSet EXTRA = AttributeSet.of(Attribute.ACL, Attribute.SELINUX, Attribute.XATTRS,
            Attribute.E2FSATTRS, Attribute.CAPS);

    private static final AttributeSet COMMON = AttributeSet.of(Attribute.PERM, Attribute.FTYPE, Attribute.INODE,
            Attribute.LCOUNT, Attribute.UID, Attribute.GID);

    /**
     * {@code H}: the hashes this build computes. AIDE's H is "every compiled-in hash"; with only
     * FIPS-approved digests available that is sha256+sha512 (the SHA-3 names are opt-in, as in AIDE 0.19).
     */
    static final AttributeSet ALL_HASHES = AttributeSet.of(Attribute.SHA256, Attribute.SHA512);

    private final Map<String, AttributeSet> groups = new LinkedHashMap<>();

    GroupTable() {
        for (Attribute a : Attribute.values()) {
            if (a.configName() != null) {
                groups.put(a.configName(), AttributeSet.of(a));
            }
        }
        // R has no md5 here, as in AIDE built with libgcrypt in FIPS mode (setdefaults_before_config)
        groups.put("R", COMMON.union(AttributeSet.of(Attribute.SIZE, Attribute.LNAME, Attribute.MTIME,
                Attribute.CTIME)).union(EXTRA));
        groups.put("L", COMMON.plus(Attribute.LNAME).union(EXTRA));
        groups.put(">", COMMON.union(AttributeSet.of(Attribute.SIZE, Attribute.GROWING, Attribute.LNAME))
                .union(EXTRA));
        groups.put("H", ALL_HASHES);
        groups.put("X", EXTRA);
        groups.put("E", AttributeSet.EMPTY);
    }

    /** The value of a group, or null if it is not defined. */
    AttributeSet get(String name) {
        return groups.get(name);
    }

    /** Defines or redefines a group; true if it existed before. */
    boolean define(String name, AttributeSet value) {
        return groups.put(name, value) != null;
    }

    /**
     * Evaluates {@code G [+|- G]...} left to right. An undefined group is reported and left out; the
     * result is then null so the caller can drop the line.
     */
    AttributeSet evaluate(AttrExpr expression, Origin origin, ProblemLog problems) {
        AttributeSet result = AttributeSet.EMPTY;
        boolean ok = true;
        for (AttrExpr.Term term : expression.terms()) {
            AttributeSet value = groups.get(term.group());
            if (value == null) {
                problems.error(origin, "group '" + term.group() + "' is not defined");
                ok = false;
                continue;
            }
            result = switch (term.operator()) {
                case '+' -> result.union(value);
                case '-' -> result.minus(value);
                default -> value;
            };
        }
        return ok ? result : null;
    }

    /** The groups as they stand now. */
    Map<String, AttributeSet> snapshot() {
        return Map.copyOf(groups);
    }
}
