package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.LineLexer.State;
import io.fileintegrity.provider.aide.config.Token.Kind;
import java.util.List;

/**
 * The rules of AIDE's CONFIG start condition: flex takes the longest match, and on a tie the rule listed
 * first. That is why {@code database_in2} is a (deprecated) group name while {@code database_inx} is an
 * unknown option, and {@code @@ifdefX} is {@code @@ifdef X}.
 */
final class ConfigStateRules {

    private record Keyword(String text, Kind kind, State next) {
    }

    private static final List<Keyword> MACROS = List.of(
            new Keyword("@@define", Kind.DEFINE, State.DEFINE),
            new Keyword("@@undef", Kind.UNDEFINE, State.DEFINE),
            new Keyword("@@if", Kind.IF, State.CONDITION),
            new Keyword("@@ifdef", Kind.IFDEF, State.STRING_HUNT),
            new Keyword("@@ifndef", Kind.IFNDEF, State.STRING_HUNT),
            new Keyword("@@else", Kind.ELSE, State.CONFIG),
            new Keyword("@@endif", Kind.ENDIF, State.CONFIG),
            new Keyword("@@ifhost", Kind.IFHOST, State.STRING_HUNT),
            new Keyword("@@ifnhost", Kind.IFNHOST, State.STRING_HUNT),
            new Keyword("@@include", Kind.INCLUDE, State.STRINGS),
            new Keyword("@@x_include", Kind.X_INCLUDE, State.STRINGS),
            new Keyword("@@x_include_setenv", Kind.SETENV, State.ENVVAR));

    private ConfigStateRules() {
    }

    /** Consumes the next token in CONFIG state; returns an error message or null. */
    static String next(LineLexer lx) {
        String line = lx.line();
        int pos = lx.pos();
        char c = line.charAt(pos);
        if (c == '#') {
            lx.emit(null, null, lx.run(pos, ch -> ch != '\r'), State.CONFIG);
            return null;
        }
        if (LineLexer.isBlank(c)) {
            lx.emit(null, null, lx.run(pos, LineLexer::isBlank), State.CONFIG);
            return null;
        }
        if (c == '/' || line.startsWith("=/", pos) || line.startsWith("!/", pos)) {
            Kind kind = c == '/' ? Kind.SELECTIVE_RULE : c == '=' ? Kind.EQUALS_RULE : Kind.NEGATIVE_RULE;
            lx.emit(kind, c == '/' ? "" : String.valueOf(c), c == '/' ? 0 : 1, State.PATH);
            return null;
        }
        if (c == '@') {
            return macro(lx, line, pos);
        }
        return word(lx, line, pos);
    }

    private static String macro(LineLexer lx, String line, int pos) {
        Keyword best = null;
        for (Keyword k : MACROS) {
            if (line.startsWith(k.text(), pos) && (best == null || k.text().length() > best.text().length())) {
                best = k;
            }
        }
        if (best == null) {
            return lx.unexpected();
        }
        lx.emit(best.kind(), best.text(), best.text().length(), best.next());
        return null;
    }

    private static String word(LineLexer lx, String line, int pos) {
        int lower = lx.run(pos, ch -> (ch >= 'a' && ch <= 'z') || ch == '_');
        int alnum = lx.run(pos, ch -> (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
        int letters = lx.run(pos, LineLexer::isLetter);
        String option = ConfigOption.longestKeywordAt(line, pos);
        int optionLength = option == null ? 0 : option.length();
        int longest = Math.max(Math.max(optionLength, lower), Math.max(alnum, letters));
        if (longest == 0) {
            return lx.unexpected();
        }
        String text = line.substring(pos, pos + longest);
        if (optionLength == longest) {
            State next = ConfigOption.fromKeyword(option).takesAttributes() ? State.EXPR_ASSIGN : State.STRING_ASSIGN;
            lx.emit(Kind.OPTION, option, longest, next);
            return null;
        }
        if (lower == longest) {
            return "unknown config option: '" + text + "'";
        }
        if (alnum != longest) {
            lx.warn("special characters in group names are DEPRECATED, use only A-Za-z0-9 (group '" + text + "')");
        }
        lx.emit(Kind.GROUP, text, longest, State.EXPR_ASSIGN);
        return null;
    }
}
