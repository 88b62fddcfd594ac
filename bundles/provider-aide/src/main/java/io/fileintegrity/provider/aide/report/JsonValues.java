package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.io.IOException;
import java.util.List;

/** One attribute value of the JSON report: a number, a string or an array of strings (AIDE's layout). */
final class JsonValues {
    private static final AttributeSet NUMERIC = AttributeSet.of(Attribute.UID, Attribute.GID, Attribute.SIZE,
            Attribute.SIZEG, Attribute.INODE, Attribute.BCOUNT, Attribute.LCOUNT);

    private final ReportSink out;

    JsonValues(ReportSink out) {
        this.out = out;
    }

    /** Prints nothing for no value, {@code "key": value} for one, an array for several. */
    void print(String key, Attribute a, List<String> values, int indent) throws IOException {
        String pad = " ".repeat(indent);
        if (values.size() > 1) {
            out.print(pad + "\"" + key + "\": [\n");
            for (int i = 0; i < values.size(); i++) {
                out.print(pad + "  \"" + ReportText.escapeJson(values.get(i)) + (i + 1 < values.size() ? "\",\n" : "\"\n"));
            }
            out.print(pad + "]");
        } else if (values.size() == 1) {
            String v = ReportText.escapeJson(values.get(0));
            out.print(pad + "\"" + key + "\": " + (NUMERIC.contains(a) ? v : "\"" + v + "\""));
        }
    }
}
