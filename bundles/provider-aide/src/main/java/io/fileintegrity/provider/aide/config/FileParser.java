package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.Origin;
import io.fileintegrity.provider.aide.config.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one configuration text (a file, an include, {@code -B}/{@code -A} lines or an executed include's
 * output) into statements. Unlike AIDE, which stops at the first error, every bad line is reported and
 * skipped, so one run lists all problems.
 */
final class FileParser {

    private FileParser() {
    }

    static List<Statement> parse(String source, String text, ProblemLog problems) {
        // AIDE's lexer works on bytes: one char per byte
        String bytes = ConfigBytes.toByteChars(text);
        List<Statement> flat = new ArrayList<>();
        int mark = problems.errorCount();
        int start = 0;
        int number = 0;
        while (start < bytes.length()) {
            int newline = bytes.indexOf('\n', start);
            int end = newline < 0 ? bytes.length() : newline;
            String line = bytes.substring(start, end);
            if (newline >= 0 && line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            number++;
            Statement s = parseLine(new Origin(source, number, utf8(line)), line, problems);
            if (s != null) {
                flat.add(s);
            }
            start = end + 1;
        }
        List<Statement> statements = BlockAssembler.assemble(flat, number, problems);
        problems.sortErrorsSince(mark);
        return statements;
    }

    private static Statement parseLine(Origin origin, String line, ProblemLog problems) {
        LexedLine lexed = LineLexer.lex(line);
        if (lexed.warning() != null) {
            problems.warn(origin, lexed.warning());
        }
        if (lexed.error() != null) {
            problems.error(origin, lexed.error());
            return null;
        }
        if (lexed.isBlank()) {
            return null;
        }
        try {
            return LineParser.parse(origin, decodeValues(lexed.tokens()));
        } catch (LineParser.SyntaxError e) {
            problems.error(origin, e.getMessage());
            return null;
        }
    }

    /** String pieces go back to UTF-8: they become paths and regexes. */
    private static List<Token> decodeValues(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            boolean value = t.kind() == Kind.STRING || t.kind() == Kind.VARIABLE;
            out.add(value ? new Token(t.kind(), utf8(t.text())) : t);
        }
        return out;
    }

    private static String utf8(String byteChars) {
        return ConfigBytes.fromByteChars(byteChars);
    }
}
