package io.fileintegrity.examples.sha256sum;

import io.fileintegrity.api.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a {@code sha256sum} manifest: 64 hex digits, a space, a space or {@code *} (binary mode),
 * then an absolute path. Blank lines and lines starting with {@code #} are ignored.
 *
 * @param line 1-based line number
 * @param sha256 lower-case hex digest
 * @param path absolute path on the host
 */
record ManifestLine(int line, String sha256, String path) {

    /** Parses a manifest; problems go to {@code problems}, good lines are returned. */
    static List<ManifestLine> parse(String source, String text, List<ConfigProblem> problems) {
        List<ManifestLine> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.length() < 67 || !l.substring(0, 64).matches("[0-9a-fA-F]{64}")
                    || l.charAt(64) != ' ' || (l.charAt(65) != ' ' && l.charAt(65) != '*')) {
                problems.add(new ConfigProblem(source, i + 1, "expected '<64 hex digits>  <path>'"));
                continue;
            }
            String path = l.substring(66);
            if (!path.startsWith("/")) {
                problems.add(new ConfigProblem(source, i + 1, "path must be absolute: '" + path + "'"));
                continue;
            }
            lines.add(new ManifestLine(i + 1, l.substring(0, 64).toLowerCase(Locale.ROOT), path));
        }
        return lines;
    }
}
