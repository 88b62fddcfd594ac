package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Match.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which entries AIDE 0.18 puts in the database and which directories it reads, exactly as
 * {@code check_seltree}/{@code scan_dir} do (with Debian's 0.18.5 fix: directories matched by an equals
 * rule are read too).
 *
 * <p>Rules hang at the node of their leading literal directory. An entry is decided from the deepest node
 * that is an ancestor directory of it, walking up: equals rules only when that node is the entry's parent
 * directory, then selective rules (the first match at the deepest node wins), then negative rules from the
 * root down (they win). Regexes are anchored at the start only; a partial match (the path is a prefix of
 * something the regex could match) means "not selected, but read this directory".
 *
 * <p>Immutable and thread-safe; paths are rule paths (the {@code root_prefix} removed, see
 * {@link #toRulePath(String)}).
 */
public final class SelectionMatcher {

    private final Map<String, RuleNode> nodes = new HashMap<>();
    private final String rootPrefix;
    private final Pattern limit;
    private final String limitText;

    private SelectionMatcher(List<Rule> rules, String rootPrefix, String limit) {
        this.rootPrefix = rootPrefix;
        this.limitText = limit;
        this.limit = limit == null ? null : RegexTranslator.compile(limit);
        nodes.put("/", new RuleNode("/", null));
        for (Rule r : rules) {
            nodeFor(RuleNodes.nodeOf(r.regex())).add(r);
        }
    }

    /** The matcher for a parsed config. */
    public static SelectionMatcher of(AideConfig config) {
        return new SelectionMatcher(config.rules(), config.rootPrefix(), null);
    }

    /**
     * The matcher for a config with AIDE's {@code --limit} regex (also anchored, also partial).
     *
     * @throws java.util.regex.PatternSyntaxException if {@code limit} is not a valid regex
     */
    public static SelectionMatcher of(AideConfig config, String limit) {
        return new SelectionMatcher(config.rules(), config.rootPrefix(), limit);
    }

    /** The disk path with {@code root_prefix} removed ({@code /hostroot/etc} gives {@code /etc}). */
    public String toRulePath(String diskPath) {
        if (rootPrefix.isEmpty() || !diskPath.startsWith(rootPrefix)) {
            return diskPath;
        }
        String rest = diskPath.substring(rootPrefix.length());
        return rest.isEmpty() ? "/" : rest;
    }

    /**
     * Decides one entry.
     *
     * @param path absolute rule path, e.g. {@code /etc/passwd}
     * @param type the entry's type from {@code lstat} (or from a database entry's {@code perm})
     */
    public Match match(String path, FileType type) {
        if (limit != null) {
            Result outside = outsideLimit(path);
            if (outside != null) {
                return new Match(outside, null, AttributeSet.EMPTY,
                        type == FileType.DIRECTORY && outside == Result.PARTIAL_LIMIT);
            }
        }
        Decision d = decide(path, type);
        boolean descend = type == FileType.DIRECTORY
                && (d.result != Result.NONE || nodes.containsKey(path));
        AttributeSet attrs = d.result == Result.SELECTIVE || d.result == Result.EQUAL ? d.rule.attributes()
                : AttributeSet.EMPTY;
        return new Match(d.result, d.rule, attrs, descend);
    }

    private Result outsideLimit(String path) {
        Matcher m = limit.matcher(new MatchBudget(path, MatchBudget.DEFAULT_READS));
        try {
            return m.lookingAt() ? null : m.hitEnd() ? Result.PARTIAL_LIMIT : Result.OUTSIDE_LIMIT;
        } catch (MatchBudget.Exhausted e) {
            return Result.OUTSIDE_LIMIT;
        }
    }

    /** Whether AIDE would read the entries of directory {@code path}. The scan root is always read. */
    public boolean shouldDescend(String path) {
        return path.equals("/") || match(path, FileType.DIRECTORY).descend();
    }

    /** The limit regex, or null. */
    public String limit() {
        return limitText;
    }

    private static final class Decision {
        Result result = Result.NONE;
        boolean partial;
        Rule rule;
    }

    private Decision decide(String path, FileType type) {
        String parent = parentOf(path);
        RuleNode start = nodes.get(parent);
        // equals rules count only when the entry's own parent directory is a node with rules
        boolean recursed = start == null;
        while (start == null) {
            parent = parentOf(parent);
            start = nodes.get(parent);
        }
        Decision d = new Decision();
        List<RuleNode> visited = positiveRules(d, start, recursed, path, type);
        if (d.result == Result.NONE) {
            d.result = d.partial ? Result.PARTIAL : Result.NONE;
            return d;
        }
        for (int i = visited.size() - 1; i >= 0 && (d.result == Result.SELECTIVE || d.result == Result.EQUAL); i--) {
            applyNegatives(d, visited.get(i), path, type);
        }
        return d;
    }

    /** Equals rules at the first node, then selective rules from the deepest node up; returns the nodes seen. */
    private static List<RuleNode> positiveRules(Decision d, RuleNode start, boolean recursed, String path,
            FileType type) {
        List<RuleNode> visited = new ArrayList<>();
        boolean skipEquals = recursed;
        for (RuleNode node = start; node != null; node = node.parent) {
            if (!node.hasRules()) {
                skipEquals = true;
                continue;
            }
            visited.add(node);
            if (!skipEquals) {
                apply(d, node.equal.check(path, type, false), Result.EQUAL);
                skipEquals = true;
            }
            if (d.result == Result.NONE) {
                apply(d, node.selective.check(path, type, false), Result.SELECTIVE);
            }
        }
        return visited;
    }

    private static void apply(Decision d, RuleList.Hit hit, Result onMatch) {
        if (hit.rule() != null) {
            d.result = onMatch;
            d.rule = hit.rule();
        } else if (hit.partial()) {
            d.partial = true;
        }
    }

    private static void applyNegatives(Decision d, RuleNode node, String path, FileType type) {
        if (node.negative.isEmpty()) {
            return;
        }
        for (String dir = parentOf(path); dir.compareTo(node.path) > 0; dir = parentOf(dir)) {
            RuleList.Hit hit = node.negative.check(dir, FileType.DIRECTORY, true);
            if (hit.rule() != null) {
                d.result = Result.NONE;
                d.rule = hit.rule();
                return;
            }
        }
        RuleList.Hit hit = node.negative.check(path, type, false);
        if (hit.rule() != null) {
            d.result = hit.rule().restriction().isEmpty() ? Result.NONE : Result.PARTIAL;
            d.rule = hit.rule();
        }
    }

    private RuleNode nodeFor(String path) {
        RuleNode node = nodes.get(path);
        if (node == null) {
            node = new RuleNode(path, nodeFor(parentOf(path)));
            nodes.put(path, node);
        }
        return node;
    }

    /** AIDE's parent: cut at the last '/', but the parent of a top-level entry (and of "/") is "/". */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
