package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one aide.conf line into tokens with the start conditions and longest-match rules of AIDE 0.18's
 * flex lexer ({@code src/conf_lex.l}). The line is given byte-for-byte as ISO-8859-1 text, without its
 * line break (a CR before the LF already removed), because AIDE's character classes are byte classes.
 */
final class LineLexer {

    enum State { CONFIG, EXPR_ASSIGN, STRING_ASSIGN, EXPR, DEFINE, ENVVAR, STRING_HUNT, STRING, STRINGS, PATH, CONDITION }

    private final String line;
    private final List<Token> tokens = new ArrayList<>();
    private State state = State.CONFIG;
    private int pos;
    private String warning;

    private LineLexer(String line) {
        this.line = line;
    }

    /** Lexes {@code line}; never throws. */
    static LexedLine lex(String line) {
        LineLexer lexer = new LineLexer(line);
        String error = lexer.run();
        return new LexedLine(List.copyOf(lexer.tokens), error, lexer.warning);
    }

    private String run() {
        while (pos < line.length()) {
            String error = switch (state) {
                case CONFIG -> ConfigStateRules.next(this);
                case EXPR_ASSIGN, STRING_ASSIGN -> assign();
                case EXPR -> expression();
                case DEFINE -> variableName(LineLexer::isLetter);
                case ENVVAR -> Character.isDigit(line.charAt(pos)) ? unexpected() : variableName(LineLexer::isEnvChar);
                case STRING_HUNT -> stringHunt();
                case STRING, STRINGS, PATH -> string();
                case CONDITION -> condition();
            };
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    // ---- used by ConfigStateRules

    String line() {
        return line;
    }

    int pos() {
        return pos;
    }

    void emit(Kind kind, String text, int length, State next) {
        if (kind != null) {
            tokens.add(new Token(kind, text));
        }
        pos += length;
        state = next;
    }

    void warn(String message) {
        warning = message;
    }

    String unexpected() {
        char c = line.charAt(pos);
        return "unexpected character: '" + (c == '\r' ? "\\r" : String.valueOf(c)) + "'";
    }

    int run(int from, CharClass cls) {
        int end = from;
        while (end < line.length() && cls.contains(line.charAt(end))) {
            end++;
        }
        return end - from;
    }

    // ---- the other start conditions

    private String assign() {
        int spaces = run(pos, c -> c == ' ');
        if (pos + spaces < line.length() && line.charAt(pos + spaces) == '=') {
            int after = run(pos + spaces + 1, c -> c == ' ');
            emit(Kind.ASSIGN, "=", spaces + 1 + after, state == State.EXPR_ASSIGN ? State.EXPR : State.STRING);
            return null;
        }
        return unexpected();
    }

    private String expression() {
        char c = line.charAt(pos);
        int word = run(pos, ch -> isLetter(ch) || ch == '>');
        if (word > 0) {
            emit(Kind.EXPR, line.substring(pos, pos + word), word, State.EXPR);
        } else if (c == '+' || c == '-' || c == ',') {
            emit(c == '+' ? Kind.PLUS : c == '-' ? Kind.MINUS : Kind.COMMA, String.valueOf(c), 1, State.EXPR);
        } else if (isBlank(c)) {
            emit(null, null, run(pos, LineLexer::isBlank), State.EXPR);
        } else {
            return unexpected();
        }
        return null;
    }

    private String variableName(CharClass cls) {
        int word = run(pos, cls);
        if (word > 0) {
            emit(Kind.VARIABLE_NAME, line.substring(pos, pos + word), word, State.STRING_HUNT);
        } else if (isBlank(line.charAt(pos))) {
            emit(null, null, run(pos, LineLexer::isBlank), state);
        } else {
            return unexpected();
        }
        return null;
    }

    private String stringHunt() {
        int blanks = run(pos, LineLexer::isBlank);
        if (blanks == 0 && line.charAt(pos) == '\r') {
            return unexpected();
        }
        emit(null, null, blanks, State.STRING);
        return null;
    }

    private String string() {
        char c = line.charAt(pos);
        int variable = variableReference();
        if (variable > 0) {
            emit(Kind.VARIABLE, line.substring(pos + 3, pos + variable - 1), variable, state);
        } else if (isBlank(c)) {
            int blanks = run(pos, LineLexer::isBlank);
            State next = state == State.STRINGS ? State.STRINGS : state == State.PATH ? State.EXPR : State.CONFIG;
            emit(state == State.STRINGS ? Kind.SPACE : null, " ", blanks, next);
        } else if (c == '\\' && pos + 1 < line.length() && "\\@ ".indexOf(line.charAt(pos + 1)) >= 0) {
            emit(Kind.STRING, String.valueOf(line.charAt(pos + 1)), 2, state);
        } else if (c == '\\' || c == '@') {
            emit(Kind.STRING, String.valueOf(c), 1, state);
        } else {
            int plain = run(pos, ch -> ch != '@' && ch != '\\' && !isBlank(ch) && ch != '\r' && ch != '\n');
            if (plain == 0) {
                return unexpected();
            }
            emit(Kind.STRING, line.substring(pos, pos + plain), plain, state);
        }
        return null;
    }

    /** Length of an {@code @@{NAME}} reference at pos, or 0. */
    private int variableReference() {
        if (!line.startsWith("@@{", pos)) {
            return 0;
        }
        int name = run(pos + 3, LineLexer::isLetter);
        int close = pos + 3 + name;
        return name > 0 && close < line.length() && line.charAt(close) == '}' ? name + 4 : 0;
    }

    private String condition() {
        if (isBlank(line.charAt(pos))) {
            emit(null, null, run(pos, LineLexer::isBlank), State.CONDITION);
            return null;
        }
        if (line.startsWith("not", pos)) {
            emit(Kind.NOT, "not", 3, State.CONDITION);
            return null;
        }
        for (String function : new String[] {"defined", "hostname", "exists"}) {
            if (line.startsWith(function, pos)) {
                emit(Kind.BOOL_FUNCTION, function, function.length(), State.STRING_HUNT);
                return null;
            }
        }
        return unexpected();
    }

    // ---- character classes of conf_lex.l

    @FunctionalInterface
    interface CharClass {
        boolean contains(char c);
    }

    /** AIDE's {@code L}: ASCII letters and digits, '_', '%' and nine ISO-8859-1 letters. */
    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '%'
                || "\u00f6\u00e4\u00fc\u00df\u00e5\u00d6\u00c4\u00dc\u00c5".indexOf(c) >= 0;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isEnvChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
