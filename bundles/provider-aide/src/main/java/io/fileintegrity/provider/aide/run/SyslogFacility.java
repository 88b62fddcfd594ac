package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.ReportUrl;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The syslog facility of {@code report_url=syslog:LOG_xxx}, as AIDE 0.18's {@code syslog_facility_lookup}. */
final class SyslogFacility {
    /** AIDE's compile-time default facility ({@code --with-syslog-facility}, Debian: LOG_LOCAL0). */
    static final int DEFAULT = 16 << 3;
    private static final int USER = 1 << 3;
    private static final List<String> NAMES = List.of("LOG_KERN", "LOG_USER", "LOG_MAIL", "LOG_DAEMON", "LOG_AUTH",
            "LOG_SYSLOG", "LOG_LPR", "LOG_NEWS", "LOG_UUCP", "LOG_CRON");

    private SyslogFacility() {}

    /**
     * The facility code for a name (case-insensitive); empty means the default, an unknown name is
     * AIDE's warning and the default.
     */
    static int of(String name, Consumer<String> warnings) {
        if (name.isEmpty()) {
            return DEFAULT;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        int i = NAMES.indexOf(upper);
        if (i >= 0) {
            return i << 3;
        }
        if (upper.matches("LOG_LOCAL[0-7]")) {
            return (16 + upper.charAt(9) - '0') << 3;
        }
        warnings.accept("Syslog facility \"" + name + "\" is unknown, using default");
        return DEFAULT;
    }

    /**
     * The facility every syslog report is sent with: AIDE calls {@code openlog} once per syslog URL, in
     * its report order, and logs with the priority only, so the last syslog URL's facility applies to all.
     * glibc's {@code openlog} ignores facility 0 (LOG_KERN), which leaves its default, LOG_USER.
     */
    static int shared(List<ReportUrl> urls, Consumer<String> warnings) {
        int facility = USER;
        for (ReportUrl u : urls) {
            if (u.url().type() == AideUrl.Type.SYSLOG) {
                int f = of(u.url().value(), warnings);
                facility = f == 0 ? facility : f;
            }
        }
        return facility;
    }
}
