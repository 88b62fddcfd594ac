package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.Origin;

/** AIDE 0.18's {@code parse_url} and the URL types each database option accepts ({@code do_dbdef}). */
final class UrlParser {

    private UrlParser() {
    }

    /** Parses {@code type:value}; reports and returns null if AIDE would reject it. */
    static AideUrl parse(String text, Origin at, String hostname, ProblemLog problems) {
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        AideUrl.Type type = AideUrl.Type.fromScheme(scheme);
        if (type == null) {
            problems.error(at, "unknown URL-type: '" + scheme + "'");
            return null;
        }
        if (type == AideUrl.Type.HTTP || type == AideUrl.Type.HTTPS || type == AideUrl.Type.FTP) {
            problems.error(at, "http, https and ftp URL support not compiled in (URL '" + text + "')");
            return null;
        }
        String value = rest;
        if (type == AideUrl.Type.FILE && rest.startsWith("//")) {
            value = fileUrlPath(text, rest, at, hostname, problems);
            if (value == null) {
                return null;
            }
        }
        return new AideUrl(type, value, at.source(), at.line());
    }

    private static String fileUrlPath(String text, String rest, Origin at, String hostname, ProblemLog problems) {
        if (rest.startsWith("///")) {
            return rest.substring(2);
        }
        int slash = rest.indexOf('/', 2);
        if (slash < 0) {
            problems.error(at, "invalid file-URL '" + text + "': no path after hostname");
            return null;
        }
        String host = rest.substring(2, slash);
        if (!host.equals("localhost") && !host.equals(hostname)) {
            problems.error(at, "invalid file-URL '" + text + "': cannot use hostname other than 'localhost' or '"
                    + hostname + "'");
            return null;
        }
        return rest.substring(slash);
    }

    static boolean allowedForDatabase(ConfigOption option, AideUrl url) {
        return switch (url.type()) {
            case STDERR, SYSLOG -> false;
            case STDOUT -> option == ConfigOption.DATABASE_OUT;
            case STDIN -> option != ConfigOption.DATABASE_OUT;
            default -> true;
        };
    }
}
