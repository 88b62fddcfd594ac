package io.fileintegrity.k8s.bridge.convert;

import java.util.regex.Pattern;

/**
 * Rewrites a user's aide.conf for a check that sees the host's {@code /} at {@code /hostroot}, with FIO's
 * rules exactly: each line is rewritten by the first rule whose prefix it starts with (case-sensitive, never
 * trimmed), and the line count is kept. Converting converted text changes nothing.
 *
 * <p>Like FIO, this leaves {@code database_in=}, {@code =/} and {@code -/} rules, indented lines and
 * {@code @@include} paths alone (fio-operator.md §7.1), so results match FIO's byte for byte.
 */
public final class AideConfConverter {

    /** Where the host's root is mounted in the check pods. */
    public static final String HOST_ROOT = "/hostroot";

    private static final Pattern LINE_BREAK = Pattern.compile("\n");

    private AideConfConverter() {
    }

    /** The converted text. */
    public static String convert(String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(convertLine(lines[i]));
        }
        return out.toString();
    }

    /** One line, converted by the first rule that matches. */
    static String convertLine(String line) {
        if (line.startsWith("@@define DBDIR")) {
            return "@@define DBDIR " + HOST_ROOT + "/etc/kubernetes";
        }
        if (line.startsWith("@@define LOGDIR")) {
            return "@@define LOGDIR " + HOST_ROOT + "/etc/kubernetes";
        }
        if (line.startsWith("database=")) {
            return "database=file:@@{DBDIR}/aide.db.gz";
        }
        if (line.startsWith("database_out=")) {
            return "database_out=file:@@{DBDIR}/aide.db.gz.new";
        }
        if (line.startsWith("report_url=file")) {
            return "report_url=file:@@{LOGDIR}/aide.log.new";
        }
        if (line.startsWith(HOST_ROOT)) {
            return line;
        }
        if (line.startsWith("/")) {
            return HOST_ROOT + line;
        }
        if (line.startsWith("!" + HOST_ROOT)) {
            return line;
        }
        if (line.startsWith("!/")) {
            return "!" + HOST_ROOT + line.substring(1);
        }
        return line;
    }
}
