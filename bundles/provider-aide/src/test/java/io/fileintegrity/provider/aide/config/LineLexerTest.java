package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fileintegrity.provider.aide.config.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineLexerTest {

    private static List<String> kinds(String line) {
        LexedLine lexed = LineLexer.lex(line);
        assertNull(lexed.error(), () -> "unexpected error for '" + line + "': " + lexed.error());
        return lexed.tokens().stream().map(Token::toString).toList();
    }

    @Test
    void optionValueMayBeFollowedByInlineComment() {
        assertEquals(List.of("OPTION(database_out)", "ASSIGN(=)", "STRING(file:/x)"),
                kinds("database_out = file:/x # comment"));
    }

    @Test
    void hashAfterRuleAttributesIsAnUnexpectedCharacter() {
        assertEquals("unexpected character: '#'", LineLexer.lex("/x R # c").error());
    }

    @Test
    void tabBeforeEqualsIsAnUnexpectedCharacter() {
        assertEquals("unexpected character: '\t'", LineLexer.lex("database_out\t=file:/x").error());
    }

    @Test
    void allLowercaseGroupNameIsAnUnknownOption() {
        assertEquals("unknown config option: 'fips'", LineLexer.lex("fips = p+sha256").error());
    }

    @Test
    void longestMatchMakesKeywordWithDigitAGroupName() {
        LexedLine lexed = LineLexer.lex("database_in2 = p");
        assertEquals(new Token(Kind.GROUP, "database_in2"), lexed.tokens().get(0));
        assertNotNull(lexed.warning(), "underscore in a group name is deprecated");
        assertEquals("unknown config option: 'database_inx'", LineLexer.lex("database_inx=p").error());
    }

    @Test
    void escapesGiveBackslashAtAndSpaceOtherBackslashesStay() {
        assertEquals(List.of("SELECTIVE_RULE()", "STRING(/a)", "STRING( )", "STRING(b)", "STRING(\\)", "STRING(\\)",
                "STRING(@)", "STRING(\\)", "STRING(.)", "EXPR(p)"), kinds("/a\\ b\\\\\\\\\\@\\. p"));
    }

    @Test
    void variableReferenceNeedsLettersAndClosingBrace() {
        assertEquals(List.of("SELECTIVE_RULE()", "STRING(/)", "VARIABLE(X_1)", "STRING(/y)", "EXPR(p)"),
                kinds("/@@{X_1}/y p"));
        assertEquals(List.of("SELECTIVE_RULE()", "STRING(/)", "STRING(@)", "STRING(@)", "STRING({}/y)", "EXPR(p)"),
                kinds("/@@{}/y p"));
    }

    @Test
    void ruleCannotStartWithVariable() {
        assertEquals("unexpected character: '@'", LineLexer.lex("@@{X}/foo R").error());
    }

    @Test
    void macroKeywordIsTakenByLongestMatch() {
        assertEquals(List.of("IFDEF(@@ifdef)", "STRING(X)"), kinds("@@ifdefX"));
        assertEquals(List.of("SETENV(@@x_include_setenv)", "VARIABLE_NAME(A)", "STRING(b)"),
                kinds("@@x_include_setenv A b"));
    }

    @Test
    void includeArgumentsAreSeparatedBySpaceTokens() {
        assertEquals(List.of("INCLUDE(@@include)", "SPACE( )", "STRING(/etc/d)", "SPACE( )", "STRING(^x$)"),
                kinds("@@include /etc/d ^x$"));
    }

    @Test
    void restrictionAndAttributesAreSeparateWords() {
        assertEquals(List.of("NEGATIVE_RULE(!)", "STRING(/x)", "EXPR(f)", "COMMA(,)", "EXPR(d)"), kinds("!/x f , d"));
        assertEquals(List.of("EQUALS_RULE(=)", "STRING(/x)", "EXPR(p)", "MINUS(-)", "EXPR(u)", "PLUS(+)", "EXPR(>)"),
                kinds("=/x p - u + >"));
    }

    @Test
    void conditionKeywordsNeedNoSpaceBetweenThem() {
        assertEquals(List.of("IF(@@if)", "NOT(not)", "BOOL_FUNCTION(defined)", "STRING(X)"), kinds("@@if notdefined X"));
    }

    @Test
    void stringValueEndsAtBlankAndLexingGoesOnInConfigState() {
        assertEquals("unknown config option: 'b'", LineLexer.lex("@@define X a b").error());
    }

    @Test
    void latin1LettersAreGroupCharactersButUtf8OnesAreNot() {
        assertEquals(Kind.GROUP, LineLexer.lex("Gr\u00fcn = p").tokens().get(0).kind());
        assertNotNull(LineLexer.lex("Gr\u00c3\u00bcn = p").error());
    }

    @Test
    void strayCarriageReturnIsReported() {
        assertEquals("unexpected character: '\\r'", LineLexer.lex("/x p\r/y").error());
    }
}
