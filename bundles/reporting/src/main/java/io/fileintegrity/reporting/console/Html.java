package io.fileintegrity.reporting.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and the value formats the console pages share. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** {@code text} safe inside element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} as a URL query parameter value. */
    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** An instant as {@code 2026-11-24 19:27:49 UTC}. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** How long ago {@code then} was, e.g. {@code 3 min ago}. */
    static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "just now";
        }
        if (age.toMinutes() < 2) {
            return age.toSeconds() + " s ago";
        }
        if (age.toHours() < 2) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }

    /** A duration as {@code 1.534 s} or {@code 2 min 5 s}. */
    static String duration(Duration duration) {
        if (duration.toMinutes() < 1) {
            return String.format(Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0);
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    /** A size as {@code 1.5 MiB (1,572,864 bytes)}. */
    static String bytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%,d bytes)", value, units[unit], bytes);
    }

    /** A count with thousands separators. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
