package io.fileintegrity.provider.aide.config;

/**
 * A URL option value ({@code database_in}, {@code database_out}, {@code database_new}, {@code report_url}).
 *
 * @param type the scheme
 * @param value the part after {@code type:}; for {@code file} URLs the path ({@code file:///x} and
 *        {@code file://localhost/x} both give {@code /x}); empty for {@code stdout}/{@code stdin}/{@code stderr}
 *        without a value
 * @param source config file the option is in
 * @param line line of the option
 */
public record AideUrl(Type type, String value, String source, int line) {

    /** URL schemes AIDE 0.18 knows; http, https and ftp need cURL, which Debian's build lacks. */
    public enum Type {
        FILE("file"), STDOUT("stdout"), STDIN("stdin"), STDERR("stderr"), FD("fd"), FTP("ftp"), HTTP("http"),
        HTTPS("https"), SYSLOG("syslog");

        private final String scheme;

        Type(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }

        static Type fromScheme(String scheme) {
            for (Type t : values()) {
                if (t.scheme.equals(scheme)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** {@code type:value} as AIDE prints it. */
    @Override
    public String toString() {
        return type.scheme + ":" + value;
    }
}
