package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated configs: no exception escapes, outcomes are consistent, matching terminates (budgets
 * are iteration counts, not clocks), and a sample gets the same verdict as {@code aide --config-check}.
 */
class ConfigFuzzTest {

    private static final int ITERATIONS = 2000;
    private static final int AIDE_ITERATIONS = 150;
    private static final MapConfigFiles MAP_FILES = new MapConfigFiles(Map.of("/inc/a", "/a p\n@@include /inc/a\n",
            "/inc/b", "@@if defined Y\n/b R\n", "/inc/c", "/c[ p\n"));
    private static final String[] PATHS = {"/", "/a", "/a/b", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "/etc/x",
        "/h/a", "/x/\u00e4"};
    private static final Pattern AIDE_ERROR_LINE = Pattern.compile("ERROR: [^:]*:(\\d+):");
    /** AIDE does not count a line that starts with a lone CR; we do (documented difference). */
    private static final Pattern LONE_CR_AT_LINE_START = Pattern.compile("(^|\n)\r[^\n]");
    /** Never let fuzzed text execute programs: only the non-existent /inc may follow @@x_include. */
    private static final Pattern UNSAFE_EXEC = Pattern.compile("@@x_include(?!_setenv)(?! /inc)");

    @TempDir
    Path dir;

    @Test
    void randomAndMutatedConfigsNeverThrowAndAlwaysTerminate() throws IOException {
        ConfigMutator mutator = new ConfigMutator(20261125L);
        ConfigFiles disk = new NonExecutingFiles(new FileSystemConfigFiles(dir, Duration.ofSeconds(5)));
        int withProblems = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutator.next(i);
            ConfigFiles files = i % 3 == 0 ? disk : MAP_FILES;
            ParseOutcome o = AideConfigParser.parse(new ConfigSource("fuzz.conf", text, files), options(mutator));
            checkConsistent(o, text);
            SelectionMatcher matcher = SelectionMatcher.of(o.config());
            for (String path : PATHS) {
                for (FileType type : new FileType[] {FileType.REGULAR, FileType.DIRECTORY}) {
                    matcher.match(path, type).describe(path, type, null);
                }
            }
            withProblems += o.ok() ? 0 : 1;
        }
        assertTrue(withProblems > ITERATIONS / 10 && withProblems < ITERATIONS, "configs with problems: " + withProblems);
    }

    @Test
    void fuzzedConfigsGetTheSameVerdictAsAide() throws IOException {
        ConfigMutator mutator = new ConfigMutator(7L);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int valid = 0;
        for (int i = 0; compared < AIDE_ITERATIONS; i++) {
            String text = mutator.next(i);
            if (text.indexOf('\u0000') >= 0 || LONE_CR_AT_LINE_START.matcher(text).find()
                    || UNSAFE_EXEC.matcher(text).find()) {
                continue;
            }
            compared++;
            Path file = dir.resolve("fuzz.conf");
            Files.write(file, ConfigBytes.toByteChars(text).getBytes(StandardCharsets.ISO_8859_1));
            ParseOutcome ours = AideConfigParser.parse(file, ParseOptions.defaults());
            AideOracle.Run aide = AideOracle.configCheck(file, "-L", "rule");
            Matcher m = AIDE_ERROR_LINE.matcher(aide.stderr());
            // AIDE reports 'verbose' at the file's last line (it logs the lexer's line); we give the option's line
            boolean verbose = aide.stderr().contains("'verbose' option is no longer supported");
            String expected = aide.exitCode() + " " + (verbose ? "verbose" : m.find() ? m.group(1) : "-");
            String actual = ours.exitCode() + " " + (ours.ok() ? "-" : ours.problems().get(0).message().contains(
                    "'verbose'") ? "verbose" : String.valueOf(ours.problems().get(0).line()));
            boolean onlyFips = aide.exitCode() == 0 && ours.problems().stream().allMatch(p -> p.message().contains("FIPS"));
            if (!expected.equals(actual) && !onlyFips) {
                mismatches.add("aide " + expected + " ours " + actual + " for:\n" + text);
            } else if (ours.ok() && ++valid > 0 && !AideOracle.ruleDump(aide.stdout() + aide.stderr())
                    .equals(AideOracle.ruleDump(ours.config()))) {
                mismatches.add("different rules for:\n" + text + "\naide: "
                        + AideOracle.ruleDump(aide.stdout() + aide.stderr()) + "\nours: " + AideOracle.ruleDump(ours.config()));
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(valid >= 5, "valid configs whose rules were compared: " + valid);
    }

    private static ParseOptions options(ConfigMutator mutator) {
        ParseOptions o = ParseOptions.defaults().withDropNonApprovedHashes(mutator.random().nextBoolean());
        return mutator.random().nextInt(4) == 0 ? o.withBeforeLines(List.of("X = p")).withAfterLines(List.of("/z X")) : o;
    }

    private static void checkConsistent(ParseOutcome o, String text) {
        assertEquals(o.ok(), o.exitCode() == 0, text);
        int lines = text.split("\n", -1).length + 2;
        for (ConfigProblem p : o.problems()) {
            assertTrue(p.line() <= lines || !p.source().equals("fuzz.conf"), () -> p + " in\n" + text);
            assertTrue(!p.message().isBlank());
        }
        for (Rule r : o.config().rules()) {
            assertTrue(r.regex().startsWith("/"), r.regex());
        }
    }

    /** The real file system, with execution refused. */
    private record NonExecutingFiles(ConfigFiles delegate) implements ConfigFiles {
        @Override
        public Kind kind(String path) {
            return delegate.kind(path);
        }

        @Override
        public String read(String path) throws IOException {
            return delegate.read(path);
        }

        @Override
        public List<String> list(String directory) throws IOException {
            return delegate.list(directory);
        }

        @Override
        public boolean isExecutable(String path) {
            return false;
        }

        @Override
        public String executionRefusal(String path) {
            return "execution disabled in the fuzz test";
        }

        @Override
        public ExecResult execute(String path, Map<String, String> environment) throws IOException {
            throw new IOException("execution disabled in the fuzz test");
        }
    }
}
