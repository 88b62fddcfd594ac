package io.fileintegrity.engine.loop;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link FileChange} per line: tab-separated fields ({@code kind, path, reason, then attribute, old, new}
 * triples), each with {@code %}, tab, CR and LF percent-encoded so any file name survives.
 */
final class ChangeLineCodec {

    private ChangeLineCodec() {}

    static String encode(FileChange change) {
        StringBuilder line = new StringBuilder(change.kind().name());
        line.append('\t').append(escape(change.path())).append('\t').append(escape(change.reason()));
        for (AttributeChange a : change.attributes()) {
            line.append('\t').append(escape(a.attribute()))
                    .append('\t').append(escape(a.oldValue()))
                    .append('\t').append(escape(a.newValue()));
        }
        return line.toString();
    }

    static FileChange decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 3 || (f.length - 3) % 3 != 0) {
            throw new IllegalArgumentException("malformed change line: " + line);
        }
        List<AttributeChange> attributes = new ArrayList<>();
        for (int i = 3; i < f.length; i += 3) {
            attributes.add(new AttributeChange(unescape(f[i]), unescape(f[i + 1]), unescape(f[i + 2])));
        }
        return new FileChange(unescape(f[1]), ChangeKind.valueOf(f[0]), attributes, unescape(f[2]));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '\t' -> out.append("%09");
                case '\n' -> out.append("%0A");
                case '\r' -> out.append("%0D");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
