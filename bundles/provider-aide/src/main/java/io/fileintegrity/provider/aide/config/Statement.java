package io.fileintegrity.provider.aide.config;

import java.util.List;

/** One parsed aide.conf statement (AIDE's AST node), evaluated later in file order. */
sealed interface Statement {

    /** Where a statement came from: file or source name, 1-based line, and the line's text. */
    record Origin(String source, int line, String text) {
    }

    /** A string made of literal pieces and {@code @@{VAR}} references. */
    record StringExpr(List<Fragment> fragments) {
        record Fragment(boolean variable, String text) {
        }
    }

    /** {@code G}, {@code G + H}, {@code G - H}, ... evaluated left to right. */
    record AttrExpr(List<Term> terms) {
        record Term(char operator, String group) {
        }
    }

    /** {@code not}* applied to {@code defined}, {@code hostname} or {@code exists}. */
    record Condition(int negations, String function, StringExpr argument) {
    }

    Origin origin();

    record OptionStatement(Origin origin, ConfigOption option, StringExpr string, AttrExpr attributes)
            implements Statement {
    }

    record GroupStatement(Origin origin, String name, AttrExpr expression) implements Statement {
    }

    record RuleStatement(Origin origin, RuleType type, StringExpr path, List<String> restrictions,
            AttrExpr attributes) implements Statement {
    }

    record DefineStatement(Origin origin, String name, StringExpr value) implements Statement {
    }

    record UndefineStatement(Origin origin, String name) implements Statement {
    }

    record IncludeStatement(Origin origin, boolean execute, StringExpr path, StringExpr regex, StringExpr prefix)
            implements Statement {
    }

    record SetenvStatement(Origin origin, String name, StringExpr value) implements Statement {
    }

    record IfStatement(Origin origin, Condition condition, List<Statement> thenBranch, List<Statement> elseBranch)
            implements Statement {
    }

    /** Block markers, only between line parsing and block assembly. */
    record IfOpen(Origin origin, Condition condition) implements Statement {
    }

    record ElseMarker(Origin origin) implements Statement {
    }

    record EndifMarker(Origin origin) implements Statement {
    }
}
