package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same config, same verdict as {@code aide --config-check}: exit 0 or 17, and our first problem is on the
 * line of AIDE's (only) error; for valid configs, the same rules as AIDE's rule tree dump.
 */
class ConfigCheckDifferentialTest {

    private static final Pattern AIDE_ERROR_LINE = Pattern.compile("ERROR: [^:]*:(\\d+):");

    @TempDir
    Path dir;

    static Stream<String> configs() {
        return Stream.of(
                // valid
                "database_in=file:/var/lib/aide/aide.db\ndatabase_out=file:/tmp/x.db # comment\ngzip_dbout=yes\n",
                "fipsR = p+u+g+sha256+sha512\n/etc fipsR\n",
                "Fips_x = p\n/x Fips_x\n",
                "database_in2 = p\n/x database_in2\n",
                "/x f,d p\n/y f, d p\n/z 0 p\n/w 0abc p\n",
                "/a p-u+g\n/b p - u + g\n/c\\ d p\n",
                "report_ignore_e2fsattrs=VNIEz\nconfig_version=1.0 # c\n",
                "@@x_include_setenv FOO bar\n@@define X /srv\n/@@{X} p\n",
                "@@if exists /etc\n/x p\n@@else\n/y p\n@@endif\n",
                "@@if not defined X\n@@if not not defined Y\n/x p\n@@endif\n@@endif\n",
                "@@ifdefX\n/a p\n@@endif\n",
                "@@define A 1\n@@undef A\n@@ifndef A\n/a p\n@@else\n/b p\n@@endif\n",
                "@@ifhost nosuchhost\n/a p\n@@endif\n@@ifnhost nosuchhost\n/b p\n@@endif\n",
                "/a p\r\n/b u\r\n",
                "/a p\n/b u",
                "root_prefix=/srv/\nnum_workers=50%\nlog_level=info\nreport_level=list_entries\nreport_format=json\n",
                "report_url=stdout\nreport_url=file:/tmp/r.log\nreport_url=stdout\nreport_url=syslog:LOG_AUTH\n",
                "database_attrs=sha256+sha512\nreport_ignore_changed_attrs=a+m\nreport_force_attrs=p\n",
                "=/foo/ p\n!/foo/bar\n/x d,f,l,b,c,p,s p\n",
                "   /indented p\n\t# tab comment\n",
                "X = p\nX = u\n/a X\n",
                "database=file:/x\ngrouped=yes\nsummarize_changes=no\n",
                // invalid
                "X = p+u # c\n",
                "/x p # c\n",
                "database_out\t=file:/x\n",
                "fips = p+sha256\n",
                "My-Group = p\n",
                "/x UNDEFINED\n",
                "!/x L\n",
                "!/x f L\n",
                "/x f,d\n",
                "/x [ p\n",
                "@@{X}/foo p\n",
                "verbose=5\n",
                "database_in=foo:/x\n",
                "database_out=stdin\n",
                "report_level=bogus\n",
                "report_format=xml\n",
                "gzip_dbout=maybe\n",
                "num_workers=abc\n",
                "num_workers=150%\n",
                "log_level=chatty\n",
                "database_attrs=p\n",
                "report_url=stdin\n",
                "report_url=http://x/y\n",
                "@@ifdef X\n@@endif\n/a p\n",
                "/a p\n/b p\n@@ifdef X\n/c p\n\n# trailing comment\n",
                "/a p\n@@endif\n",
                "@@ifdef X\n/a p\n@@else\n/b p\n@@else\n/c p\n@@endif\n",
                "@@include /nonexistent/file.conf\n",
                "@@include /nonexistent/dir ^x\n",
                "@@include /etc/hosts \n",
                "@@define X a b\n",
                "@@undef X Y\n",
                "/x ff p\n",
                "/a//b/c p\n",
                "/a p\n/b UNDEF\n/c p # bad\n",
                "unknown_option=1\n",
                "/x p\n= p\n",
                "@@if\n/x p\n@@endif\n",
                "@@if maybe X\n/x p\n@@endif\n",
                "/x p\r/y p\n");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void verdictAndLineMatchAideConfigCheck(String text) throws IOException {
        Path file = dir.resolve("check.conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        AideOracle.Run aide = AideOracle.configCheck(file, "-L", "rule");
        ParseOutcome ours = AideConfigParser.parse(file, ParseOptions.defaults());
        String expected = aide.exitCode() + " " + firstErrorLine(aide.stderr());
        String actual = ours.exitCode() + " " + (ours.ok() ? "-" : String.valueOf(ours.problems().get(0).line()));
        assertEquals(expected, actual, () -> "aide: " + aide.stderr() + "\nours: " + ours.problems());
        if (ours.ok()) {
            assertEquals(AideOracle.ruleDump(aide.stdout() + aide.stderr()), AideOracle.ruleDump(ours.config()));
        }
    }

    @ParameterizedTest
    @MethodSource("beforeAndAfter")
    void beforeAndAfterLinesAreReadAroundTheConfigLikeAide(List<String> before, List<String> after) throws IOException {
        Path file = dir.resolve("ba.conf");
        Files.writeString(file, "/x G\n");
        List<String> args = new java.util.ArrayList<>(List.of("--config-check", "-c", file.toString()));
        before.forEach(line -> args.addAll(List.of("-B", line)));
        after.forEach(line -> args.addAll(List.of("-A", line)));
        AideOracle.Run aide = AideOracle.run(dir, args);
        ParseOutcome ours = AideConfigParser.parse(file,
                ParseOptions.defaults().withBeforeLines(before).withAfterLines(after));
        Matcher m = Pattern.compile("ERROR: ([^:]*):(\\d+):").matcher(aide.stderr());
        String expected = aide.exitCode() + (m.find() ? " " + m.group(1) + ":" + m.group(2) : "");
        String actual = ours.exitCode() + (ours.ok() ? ""
                : " " + ours.problems().get(0).source() + ":" + ours.problems().get(0).line());
        assertEquals(expected, actual, () -> aide.stderr() + "\n" + ours.problems());
    }

    static Stream<Arguments> beforeAndAfter() {
        return Stream.of(
                Arguments.of(List.of("G = p", "H2 = u"), List.of("/after H2")),
                Arguments.of(List.of("G = p"), List.of("/after H2", "/bad NOPE")),
                Arguments.of(List.of(), List.of("G = p")),
                Arguments.of(List.of("G = p", "@@ifdef X"), List.of()));
    }

    private static String firstErrorLine(String stderr) {
        Matcher m = AIDE_ERROR_LINE.matcher(stderr);
        return m.find() ? m.group(1) : "-";
    }
}
