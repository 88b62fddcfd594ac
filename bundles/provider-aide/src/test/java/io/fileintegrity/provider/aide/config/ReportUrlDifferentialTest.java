package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Report URLs, their order and the options each one captured, as AIDE logs them with {@code -L config}. */
class ReportUrlDifferentialTest {

    private static final Pattern URL_LINE = Pattern.compile("^\\s*CONFIG:  (\\S+) \\(0x[0-9a-f]+\\)$");
    private static final Pattern DETAIL_LINE = Pattern.compile("^\\s*CONFIG:    (\\S.*)$");

    @TempDir
    Path dir;

    static Stream<String> configs() {
        return Stream.of(
                "/x p\n",
                "report_level=summary\nreport_url=file:/tmp/a\nreport_url=file:/tmp/b\nreport_level=list_entries\n"
                        + "report_url=file:/tmp/c\nreport_level=minimal\nreport_url=stdout\n",
                "report_ignore_e2fsattrs=VNIEz\nreport_ignore_added_attrs=a+m\nreport_base16=yes\nreport_format=json\n"
                        + "report_url=stderr\nreport_quiet=true\nreport_append=yes\nreport_url=fd:3\n"
                        + "report_url=syslog:LOG_AUTH\nreport_url=stderr\n",
                "report_ignore_removed_attrs=L\nreport_ignore_changed_attrs=p-u\nreport_force_attrs=sha256+i\n"
                        + "report_detailed_init=yes\nreport_summarize_changes=no\nreport_grouped=false\n"
                        + "report_url=file:///tmp/x\nreport_ignore_e2fsattrs=0\nreport_url=file:/tmp/y\n",
                "report_level=added_removed_entries\nreport_url=stdout\nreport_level=database_attributes\n");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void reportUrlsAndTheirOptionsMatchAide(String text) throws IOException {
        Path file = dir.resolve("r.conf");
        Files.writeString(file, text + "/x p\n");
        AideOracle.Run aide = AideOracle.run(dir, List.of("--config-check", "-L", "config", "-c", file.toString()));
        assertEquals(0, aide.exitCode(), aide.stderr());
        ParseOutcome ours = AideConfigParser.parse(file, ParseOptions.defaults());
        assertEquals(aideDump(aide.stdout() + aide.stderr()), ourDump(ours.config()));
    }

    private static List<String> aideDump(String log) {
        List<String> dump = new ArrayList<>();
        boolean inUrl = false;
        for (String line : log.split("\n")) {
            Matcher url = URL_LINE.matcher(line);
            Matcher detail = DETAIL_LINE.matcher(line);
            if (url.matches()) {
                dump.add(url.group(1));
                inUrl = true;
            } else if (inUrl && detail.matches()) {
                dump.add(detail.group(1));
            } else {
                inUrl = false;
            }
        }
        return dump;
    }

    private static List<String> ourDump(AideConfig config) {
        List<String> dump = new ArrayList<>();
        for (ReportUrl u : config.reportUrls()) {
            ReportSettings s = u.settings();
            dump.add(u.url().toString());
            dump.add("level: " + s.level().configName() + " | format: " + s.format().name().toLowerCase()
                    + " | base16: " + s.base16() + " | append: " + s.append() + " | quiet: " + s.quiet()
                    + " | detailed_init: " + s.detailedInit() + " | summarize_changes: " + s.summarizeChanges()
                    + " | grouped: " + s.grouped());
            dump.add("ignore_added_attrs: '" + names(s.ignoreAddedAttrs()) + "'");
            dump.add("ignore_removed_attrs: '" + names(s.ignoreRemovedAttrs()) + "'");
            dump.add("ignore_changed_attrs: '" + names(s.ignoreChangedAttrs()) + "'");
            dump.add("force_attrs: '" + names(s.forceAttrs()) + "'");
            dump.add("ignore_e2fsattrs: '" + s.ignoreE2fsattrs() + "'");
        }
        return dump;
    }

    private static String names(AttributeSet set) {
        return set.isEmpty() ? "" : set.toConfigExpression();
    }
}
