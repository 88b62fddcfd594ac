package io.fileintegrity.provider.aide.config;

/**
 * The literal text every match of a rule regex must start with, to skip the regex engine for paths that
 * cannot match. Most real rules ({@code /etc/ssh/sshd_config}, {@code /var/log/apt/.*}) have a long one.
 */
final class LiteralPrefix {

    private static final String STOPS = ".[()^$*+?{|";
    private static final String QUANTIFIERS = "*+?{";

    private LiteralPrefix() {
    }

    /**
     * The literal start of {@code regex}, or "" if there is none to rely on (an alternation anywhere, or an
     * escape that is not a plain punctuation character).
     */
    static String of(String regex) {
        if (regex.indexOf('|') >= 0) {
            return "";
        }
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) {
                    break;
                }
                c = regex.charAt(i + 1);
                i += 2;
            } else if (STOPS.indexOf(c) >= 0) {
                break;
            } else {
                i++;
            }
            literal.append(c);
        }
        boolean quantified = i < regex.length() && QUANTIFIERS.indexOf(regex.charAt(i)) >= 0;
        return quantified && literal.length() > 0 ? literal.substring(0, literal.length() - 1) : literal.toString();
    }
}
