package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.Origin;

/** AIDE 0.18's {@code parse_url} and the URL types each database option accepts ({@code do_dbdef}). */
final class UrlParser {

    private UrlParser() {
    }

    /** Parses {@code type:value}; reports and returns null if AIDE would reject it. */
    static AideUrl parse(String text, Origin at, ProblemLog problems) {
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
            value = fileUrlPath(text, rest, at, problems);
            if (value == null) {
                return null;
            }
        }
        return new AideUrl(type, value, at.source(), at.line());
    }

    /**
     * {@code file:///x} is {@code /x}. A host part ({@code file://localhost/x}) is meant to be allowed for
     * localhost and this host, but AIDE 0.18.3 compares the host with the rest of the URL still attached,
     * so it always rejects it; we give the same verdict with a clearer message.
     */
    private static String fileUrlPath(String text, String rest, Origin at, ProblemLog problems) {
        if (rest.startsWith("///")) {
            return rest.substring(2);
        }
        String reason = rest.indexOf('/', 2) < 0 ? "no path after hostname"
                : "AIDE 0.18 rejects file URLs with a host part, use file:/path or file:///path";
        problems.error(at, "invalid file-URL '" + text + "': " + reason);
        return null;
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
