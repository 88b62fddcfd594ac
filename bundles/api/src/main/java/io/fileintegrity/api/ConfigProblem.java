package io.fileintegrity.api;

import java.util.Objects;

/**
 * One problem in a configuration, as {@code source:line: message}.
 *
 * @param source the file or ConfigMap key the problem is in (an included file, if it is there)
 * @param line 1-based line number, or 0 when the problem is not tied to a line
 * @param message what is wrong, in words a user can act on
 */
public record ConfigProblem(String source, int line, String message) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** The conventional one-line form, {@code source:line: message} (line left out when 0). */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
