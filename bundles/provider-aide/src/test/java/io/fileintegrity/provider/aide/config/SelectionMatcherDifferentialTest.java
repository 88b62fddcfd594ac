package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Same config, same path: our matcher and {@code aide -p} print the same line and exit the same way. */
class SelectionMatcherDifferentialTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("equals, negative and selective", "/a L\n!/a/b\n=/c/ p+u\n",
                        "f:/a/x d:/a/b f:/a/b/c d:/a/bc f:/c/x f:/c d:/c/x/y f:/zz d:/"),
                Arguments.of("restricted selective adds files only", "/t f L\n",
                        "f:/t/a d:/t/sub f:/t/sub/deep d:/t l:/t/link"),
                Arguments.of("restricted negative keeps children", "!/t/sub d\n/t L\n",
                        "d:/t/sub f:/t/sub/c d:/t/sub/deep f:/t/sub/deep/x f:/t/a"),
                Arguments.of("equals without slash", "=/foo L\n", "d:/foo f:/foobar f:/foo/x d:/fo"),
                Arguments.of("equals with slash adds direct children", "=/foo/ p+u\n",
                        "d:/foo f:/foo/x d:/foo/d f:/foo/d/y"),
                Arguments.of("deepest node wins", "/etc p\n/etc/ssl/ u\n",
                        "f:/etc/x d:/etc/ssl f:/etc/ssl/x f:/etc/sslx d:/etc"),
                Arguments.of("first rule within a node wins", "/etc/a.* p\n/etc/ab u\n/etc/ab/ g\n",
                        "f:/etc/ab f:/etc/abc f:/etc/ab/x f:/etc/b"),
                Arguments.of("negative on ancestor directory", "/ L\n!/var/log\n!/tmp$\n",
                        "d:/var/log f:/var/log/x f:/var/logs d:/tmp f:/tmp/x f:/etc/passwd d:/"),
                Arguments.of("anchored with dollar", "/etc/ssl/certs/ca\\.crt$ L\n/etc$ p\n",
                        "f:/etc/ssl/certs/ca.crt f:/etc/ssl/certs/ca.crtx d:/etc d:/etc/ssl d:/etc/ssl/certs f:/etcx"),
                Arguments.of("regex features", "/usr/(s)?bin L\n/opt/[ab]+/x p\n/home/.*/\\.ssh u\n",
                        "f:/usr/bin/ls f:/usr/sbin/ip d:/usr f:/opt/ab/x f:/opt/c/x d:/opt/ab d:/home/u/.ssh d:/home/u"),
                Arguments.of("equals restricted to files", "=/x/ f p\n", "f:/x/a d:/x/b f:/x/b/c"),
                Arguments.of("partial matches", "/a/b/c L\n", "d:/a d:/a/b f:/a/b/c f:/a/b/cd d:/a/bb f:/a/x"),
                Arguments.of("star after slash", "/h/etc/cni/net.d/* p\n!/h/etc/cni/net.d/*\n/h/etc/ L\n",
                        "f:/h/etc/cni/net.d/x f:/h/etc/cni/x d:/h/etc/cni/net.d"),
                Arguments.of("negative restricted to links", "/srv L\n!/srv/l.* l\n",
                        "l:/srv/link f:/srv/lfile d:/srv/ldir f:/srv/ldir/x"),
                Arguments.of("escaped slash and alternation", "/a\\/b L\n/(x|y)/z p\n",
                        "f:/a/b d:/a f:/x/z f:/y/z d:/x"),
                Arguments.of("several negatives in several nodes", "/ p\n!/a/b/c\n!/a/b$\n/a/b/ u\n",
                        "d:/a/b f:/a/b/c f:/a/b/d f:/a/bx d:/a"),
                Arguments.of("dot-files and home", "/root/\\..* p+u\n/root/ L\n!/root/\\.kube\n",
                        "f:/root/.bashrc d:/root/.kube f:/root/.kube/config f:/root/notes d:/root"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matcherAgreesWithAidePathCheck(String name, String config, String queries) throws IOException {
        Path file = dir.resolve("case.conf");
        Files.writeString(file, config);
        ParseOutcome outcome = AideConfigParser.parse(file, ParseOptions.defaults());
        assertTrue(outcome.ok(), () -> outcome.problems().toString());
        SelectionMatcher matcher = SelectionMatcher.of(outcome.config());
        List<String> mismatches = new ArrayList<>();
        for (String q : queries.split(" ")) {
            FileType type = FileType.fromLetter(q.charAt(0)).orElseThrow();
            String path = q.substring(2);
            AideOracle.Run aide = AideOracle.pathCheck(file, type, path);
            Match ours = matcher.match(path, type);
            String expected = aide.exitCode() + " " + aide.stdout().strip();
            String actual = ours.pathCheckExitCode() + " " + ours.describe(path, type, null);
            if (!expected.equals(actual)) {
                mismatches.add("\n aide: " + expected + "\n ours: " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
