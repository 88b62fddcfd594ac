package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class RegexTranslatorTest {

    private static boolean matches(String pcre, String text) {
        return RegexTranslator.compile(pcre).matcher(text).lookingAt();
    }

    @Test
    void posixClassesBecomeJavaPropertyClasses() {
        assertTrue(matches("/tmp/[[:xdigit:]]{4}$", "/tmp/beef"));
        assertFalse(matches("/tmp/[[:xdigit:]]{4}$", "/tmp/bxef"));
        assertTrue(matches("/a[-[:alnum:]_]+$", "/a-b_c9"));
        assertTrue(matches("/a[[:^digit:]]", "/ax"));
        assertTrue(matches("/w[[:word:]]", "/w_"));
    }

    @Test
    void bracketSpecialsOfJavaAreLiteralsAsInPcre() {
        assertTrue(matches("/a[]x]", "/a]"));
        assertTrue(matches("/a[[]", "/a["));
        assertTrue(matches("/a[&&b]", "/a&"));
        assertTrue(matches("/a[^]x]", "/ay"));
    }

    @Test
    void braceThatIsNoQuantifierIsLiteral() {
        assertTrue(matches("/@@{X}/a", "/@@{X}/a"));
        assertTrue(matches("/a{2}", "/aa"));
        assertTrue(matches("/a{2,}b", "/aaab"));
        assertTrue(matches("/a{,2}", "/a{,2}"));
    }

    @Test
    void invalidRegexIsReported() {
        assertThrows(PatternSyntaxException.class, () -> RegexTranslator.compile("/a("));
        assertThrows(PatternSyntaxException.class, () -> RegexTranslator.compile("/a[[:nope:]]"));
    }

    @Test
    void catastrophicBacktrackingEndsAsNoMatch() {
        Rule rule = new Rule(RuleType.SELECTIVE, "/(a+)+$", Pattern.compile("/(a+)+$"), java.util.Set.of(),
                AttributeSet.of(Attribute.PERM), "t", 1, "/(a+)+$ p", null);
        RuleList list = new RuleList();
        list.add(rule);
        RuleList.Hit hit = list.check("/" + "a".repeat(40) + "!", FileType.REGULAR, false);
        assertEquals(null, hit.rule());
        assertFalse(hit.partial());
    }

    @Test
    void bytesThatAreNotUtf8SurviveTheLexerRoundTrip() {
        byte[] latin1 = {'G', (byte) 0xFC, '=', 'p'};
        String text = ConfigBytes.decode(latin1);
        assertEquals("G\uDCFC=p", text);
        assertEquals("G\u00fc=p", ConfigBytes.toByteChars(text));
        assertEquals(text, ConfigBytes.fromByteChars(ConfigBytes.toByteChars(text)));
        assertEquals("\u00c3\u00bc", ConfigBytes.toByteChars("\u00fc"));
    }
}
