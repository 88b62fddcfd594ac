package io.fileintegrity.provider.aide.config;

/** A node of AIDE's rule tree: a literal directory and the rules hanging there, by type, in config order. */
final class RuleNode {

    final String path;
    final RuleNode parent;
    final RuleList equal = new RuleList();
    final RuleList selective = new RuleList();
    final RuleList negative = new RuleList();

    RuleNode(String path, RuleNode parent) {
        this.path = path;
        this.parent = parent;
    }

    void add(Rule rule) {
        switch (rule.type()) {
            case EQUALS -> equal.add(rule);
            case SELECTIVE -> selective.add(rule);
            case NEGATIVE -> negative.add(rule);
        }
    }

    boolean hasRules() {
        return !equal.isEmpty() || !selective.isEmpty() || !negative.isEmpty();
    }
}
