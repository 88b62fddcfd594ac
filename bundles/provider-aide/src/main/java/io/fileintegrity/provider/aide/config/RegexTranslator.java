package io.fileintegrity.provider.aide.config;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles AIDE's PCRE2 rule regexes with {@code java.util.regex}. The two dialects agree on what rules use;
 * inside bracket expressions they differ: PCRE takes {@code [} and {@code &&} literally and a {@code ]}
 * right after the opening bracket as a member, and knows POSIX classes such as {@code [:alpha:]}.
 */
final class RegexTranslator {

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "Alpha"), Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"), Map.entry("lower", "Lower"), Map.entry("space", "Space"),
            Map.entry("punct", "Punct"), Map.entry("xdigit", "XDigit"), Map.entry("cntrl", "Cntrl"),
            Map.entry("print", "Print"), Map.entry("graph", "Graph"), Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"));

    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

    private RegexTranslator() {
    }

    /** Compiles a PCRE-style regex; throws with Java's description if it is invalid. */
    static Pattern compile(String pcre) throws PatternSyntaxException {
        return Pattern.compile(translate(pcre));
    }

    static String translate(String pcre) {
        StringBuilder out = new StringBuilder(pcre.length() + 8);
        int i = 0;
        while (i < pcre.length()) {
            char c = pcre.charAt(i);
            if (c == '\\' && i + 1 < pcre.length()) {
                out.append(c).append(pcre.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                i = bracket(pcre, i, out);
            } else if (c == '{' && !QUANTIFIER.matcher(pcre).region(i, pcre.length()).lookingAt()) {
                out.append("\\{"); // PCRE takes a brace that does not start a quantifier literally
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the bracket expression starting at {@code start}; returns the index after it. */
    private static int bracket(String p, int start, StringBuilder out) {
        out.append('[');
        int i = start + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '\\' && i + 1 < p.length()) {
                out.append(c).append(p.charAt(i + 1));
                i += 2;
            } else if (c == '[' && p.startsWith("[:", i)) {
                i = posixClass(p, i, out);
            } else {
                out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
                i++;
            }
        }
        return i; // unterminated: Pattern.compile reports it
    }

    private static int posixClass(String p, int i, StringBuilder out) {
        int end = p.indexOf(":]", i + 2);
        if (end < 0) {
            out.append("\\[");
            return i + 1;
        }
        String name = p.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        String base = negated ? name.substring(1) : name;
        if (base.equals("word")) {
            out.append(negated ? "\\W" : "\\w");
            return end + 2;
        }
        String java = POSIX.get(base);
        if (java == null) {
            throw new PatternSyntaxException("unknown POSIX class name", p, i);
        }
        out.append(negated ? "\\P{" : "\\p{").append(java).append('}');
        return end + 2;
    }
}
