package io.fileintegrity.provider.aide.config;

/** Where in the path tree a rule hangs (AIDE's {@code strrxtok} in {@code src/seltree.c}). */
final class RuleNodes {

    private RuleNodes() {
    }

    /**
     * The rule's leading literal directory: read the regex up to the first of {@code ( ^ $ ? * [}, drop
     * backslashes, cut at the last {@code /}. {@code /etc/ssl/ca\.crt$} hangs at {@code /etc/ssl},
     * {@code /foo} at {@code /}, {@code /foo/} at {@code /foo}.
     */
    static String nodeOf(String regex) {
        StringBuilder literal = new StringBuilder("/");
        int lastSlash = 1;
        for (int i = 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if ("(^$?*[".indexOf(c) >= 0) {
                break;
            }
            if (c == '\\') {
                // AIDE deletes the backslash and steps over the escaped character without looking at it
                if (++i < regex.length()) {
                    literal.append(regex.charAt(i));
                }
                continue;
            }
            if (c == '/') {
                lastSlash = literal.length();
            }
            literal.append(c);
        }
        return lastSlash <= 1 ? "/" : literal.substring(0, lastSlash);
    }
}
