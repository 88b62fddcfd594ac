package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's real aide.conf (package aide-common: 200+ snippets, many of them shell scripts run through
 * {@code @@x_include}) read by us and by AIDE: same rules, and the same decision for every entry a
 * {@code --dry-init} visits on this machine.
 */
class DebianConfigDifferentialTest {

    private static final Path CONFIG = Path.of("/etc/aide/aide.conf");
    private static final String LIMIT = "^/(etc|usr/sbin|boot|var/lib/dpkg/info/a)";

    private static ParseOutcome outcome;

    @BeforeAll
    static void parseDebianConfig() {
        if (!Files.isRegularFile(CONFIG)) {
            fail("Debian's " + CONFIG + " is required (apt-get install -y aide aide-common)");
        }
        outcome = AideConfigParser.parse(CONFIG, ParseOptions.defaults());
    }

    @Test
    void debianConfigParsesWithoutProblems() {
        assertEquals(List.of(), outcome.problems());
        assertTrue(outcome.config().rules().size() > 200, "rules: " + outcome.config().rules().size());
        assertEquals("EINV", outcome.config().reportSettings().ignoreE2fsattrs()); // VNIE in AIDE's flag order
        assertTrue(outcome.config().gzipDbout());
    }

    @Test
    void rulesEqualAideRuleTreeDump() {
        AideOracle.Run aide = AideOracle.run(Path.of("/"), List.of("--config-check", "-L", "rule", "-c", CONFIG.toString()));
        assertEquals(0, aide.exitCode(), aide.stderr());
        List<String> expected = AideOracle.ruleDump(aide.stdout() + aide.stderr());
        List<String> actual = AideOracle.ruleDump(outcome.config());
        assertSameLines(expected, actual);
    }

    @Test
    void everyEntryOfDryInitIsDecidedAndDescendedLikeAide() throws IOException {
        AideOracle.Run aide = AideOracle.run(Path.of("/"), List.of("--dry-init", "-c", CONFIG.toString(), "-l", LIMIT));
        assertEquals(0, aide.exitCode(), aide.stderr());
        List<String> expected = new ArrayList<>(Arrays.stream(aide.stdout().split("\n"))
                .filter(l -> !l.isEmpty()).map(AideOracle::withoutLegacyHashes).toList());
        List<String> actual = walk(SelectionMatcher.of(outcome.config(), LIMIT));
        assertTrue(expected.size() > 100, "entries visited by aide: " + expected.size());
        assertSameLines(expected, actual);
    }

    /** Same lines in any order; on failure shows only the lines that differ. */
    private static void assertSameLines(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        assertEquals("", (missing.isEmpty() ? "" : "only in aide:\n  " + String.join("\n  ", missing))
                + (extra.isEmpty() ? "" : "\nonly in ours:\n  " + String.join("\n  ", extra)));
    }

    /** What AIDE's scan_dir would print: the root, then every entry of every directory it reads. */
    private static List<String> walk(SelectionMatcher matcher) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(matcher.match("/", FileType.DIRECTORY).describe("/", FileType.DIRECTORY, LIMIT));
        Deque<Path> queue = new ArrayDeque<>(List.of(Path.of("/")));
        while (!queue.isEmpty()) {
            Path dir = queue.poll();
            List<Path> children;
            try (Stream<Path> list = Files.list(dir)) {
                children = list.toList();
            } catch (IOException e) {
                continue; // AIDE warns and goes on
            }
            for (Path child : children) {
                FileType type = typeOf(child);
                Match m = matcher.match(child.toString(), type);
                lines.add(m.describe(child.toString(), type, LIMIT));
                if (type == FileType.DIRECTORY && m.descend()) {
                    queue.add(child);
                }
            }
        }
        return lines;
    }

    private static FileType typeOf(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return FileType.fromMode(mode).orElseThrow();
    }
}
