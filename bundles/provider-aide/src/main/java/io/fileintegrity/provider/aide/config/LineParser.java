package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.AttrExpr;
import io.fileintegrity.provider.aide.config.Statement.Condition;
import io.fileintegrity.provider.aide.config.Statement.Origin;
import io.fileintegrity.provider.aide.config.Statement.StringExpr;
import io.fileintegrity.provider.aide.config.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the tokens of one line into a {@link Statement}, following the productions of AIDE 0.18's
 * {@code src/conf_yacc.y}. Every statement is one line; {@code @@if} blocks are assembled afterwards.
 */
final class LineParser {

    /** A line that does not fit the grammar; the message reads like bison's. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final Origin origin;
    private final List<Token> tokens;
    private int next;

    private LineParser(Origin origin, List<Token> tokens) {
        this.origin = origin;
        this.tokens = tokens;
    }

    static Statement parse(Origin origin, List<Token> tokens) throws SyntaxError {
        return new LineParser(origin, tokens).statement();
    }

    private Statement statement() throws SyntaxError {
        Token first = take();
        Statement s = switch (first.kind()) {
            case OPTION -> option(ConfigOption.fromKeyword(first.text()));
            case GROUP -> group(first.text());
            case SELECTIVE_RULE -> rule(RuleType.SELECTIVE);
            case EQUALS_RULE -> rule(RuleType.EQUALS);
            case NEGATIVE_RULE -> rule(RuleType.NEGATIVE);
            case DEFINE -> new Statement.DefineStatement(origin, take(Kind.VARIABLE_NAME).text(), optionalString());
            case UNDEFINE -> new Statement.UndefineStatement(origin, take(Kind.VARIABLE_NAME).text());
            case IF -> new Statement.IfOpen(origin, condition(0));
            case IFDEF, IFNDEF -> new Statement.IfOpen(origin,
                    new Condition(first.kind() == Kind.IFNDEF ? 1 : 0, "defined", string()));
            case IFHOST, IFNHOST -> new Statement.IfOpen(origin,
                    new Condition(first.kind() == Kind.IFNHOST ? 1 : 0, "hostname", string()));
            case ELSE -> new Statement.ElseMarker(origin);
            case ENDIF -> new Statement.EndifMarker(origin);
            case INCLUDE, X_INCLUDE -> include(first.kind() == Kind.X_INCLUDE);
            case SETENV -> new Statement.SetenvStatement(origin, take(Kind.VARIABLE_NAME).text(), string());
            default -> throw unexpected(first);
        };
        if (next < tokens.size()) {
            throw unexpected(tokens.get(next));
        }
        return s;
    }

    private Statement option(ConfigOption option) throws SyntaxError {
        take(Kind.ASSIGN);
        if (option.takesAttributes()) {
            return new Statement.OptionStatement(origin, option, null, attributes());
        }
        return new Statement.OptionStatement(origin, option, string(), null);
    }

    private Statement group(String name) throws SyntaxError {
        take(Kind.ASSIGN);
        return new Statement.GroupStatement(origin, name, attributes());
    }

    private Statement rule(RuleType type) throws SyntaxError {
        StringExpr path = string();
        List<String> restrictions = null;
        if (type == RuleType.NEGATIVE) {
            if (next < tokens.size()) {
                restrictions = restrictions();
                if (next < tokens.size()) {
                    throw new SyntaxError("negative rule must not have an attribute expression");
                }
            }
            return new Statement.RuleStatement(origin, type, path, restrictions, null);
        }
        // LALR(1): a first word followed by ',' or by another word is a restriction
        if (peek(1) != null && (peek(1).kind() == Kind.COMMA || peek(1).kind() == Kind.EXPR)
                && peek(0).kind() == Kind.EXPR) {
            restrictions = restrictions();
        }
        return new Statement.RuleStatement(origin, type, path, restrictions, attributes());
    }

    private List<String> restrictions() throws SyntaxError {
        List<String> list = new ArrayList<>();
        list.add(take(Kind.EXPR).text());
        while (next < tokens.size() && tokens.get(next).kind() == Kind.COMMA) {
            next++;
            list.add(take(Kind.EXPR).text());
        }
        return List.copyOf(list);
    }

    private AttrExpr attributes() throws SyntaxError {
        List<AttrExpr.Term> terms = new ArrayList<>();
        terms.add(new AttrExpr.Term('=', take(Kind.EXPR).text()));
        while (next < tokens.size() && (peek(0).kind() == Kind.PLUS || peek(0).kind() == Kind.MINUS)) {
            char op = take().kind() == Kind.PLUS ? '+' : '-';
            terms.add(new AttrExpr.Term(op, take(Kind.EXPR).text()));
        }
        return new AttrExpr(List.copyOf(terms));
    }

    private Condition condition(int negations) throws SyntaxError {
        Token t = take();
        if (t.kind() == Kind.NOT) {
            return condition(negations + 1);
        }
        if (t.kind() != Kind.BOOL_FUNCTION) {
            throw unexpected(t);
        }
        return new Condition(negations, t.text(), string());
    }

    private Statement include(boolean execute) throws SyntaxError {
        StringExpr[] parts = new StringExpr[3];
        int count = 0;
        do {
            take(Kind.SPACE);
            parts[count++] = string();
        } while (count < 3 && next < tokens.size());
        return new Statement.IncludeStatement(origin, execute, parts[0], parts[1], parts[2]);
    }

    private StringExpr optionalString() throws SyntaxError {
        return next < tokens.size() ? string() : null;
    }

    /** One or more STRING/VARIABLE tokens. */
    private StringExpr string() throws SyntaxError {
        List<StringExpr.Fragment> fragments = new ArrayList<>();
        while (next < tokens.size() && isStringToken(peek(0))) {
            Token t = take();
            fragments.add(new StringExpr.Fragment(t.kind() == Kind.VARIABLE, t.text()));
        }
        if (fragments.isEmpty()) {
            throw unexpected(next < tokens.size() ? tokens.get(next) : null);
        }
        return new StringExpr(List.copyOf(fragments));
    }

    private static boolean isStringToken(Token t) {
        return t.kind() == Kind.STRING || t.kind() == Kind.VARIABLE;
    }

    private Token peek(int ahead) {
        int i = next + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private Token take() throws SyntaxError {
        if (next >= tokens.size()) {
            throw unexpected(null);
        }
        return tokens.get(next++);
    }

    private Token take(Kind kind) throws SyntaxError {
        Token t = next < tokens.size() ? tokens.get(next) : null;
        if (t == null || t.kind() != kind) {
            throw unexpected(t);
        }
        next++;
        return t;
    }

    private static SyntaxError unexpected(Token t) {
        return new SyntaxError("syntax error, unexpected " + describe(t));
    }

    private static String describe(Token t) {
        if (t == null) {
            return "new line";
        }
        return switch (t.kind()) {
            case STRING -> "string '" + t.text() + "'";
            case EXPR -> "group '" + t.text() + "'";
            case GROUP -> "group name '" + t.text() + "'";
            case OPTION -> "configuration option '" + t.text() + "'";
            case SPACE -> "whitespace";
            case PLUS, MINUS, COMMA, ASSIGN -> "'" + t.text() + "'";
            case SELECTIVE_RULE -> "regular rule";
            case EQUALS_RULE -> "equals rule";
            case NEGATIVE_RULE -> "negative rule";
            case VARIABLE, VARIABLE_NAME -> "variable name '" + t.text() + "'";
            default -> t.text();
        };
    }
}
