package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated configs: no exception escapes, every outcome is consistent, and matching with
 * whatever rules came out terminates (the budget is an iteration count, not a clock).
 */
class ConfigFuzzTest {

    private static final int ITERATIONS = 4000;
    private static final String[] PIECES = {"@@if ", "@@ifdef X", "@@else", "@@endif", "@@include /inc/a",
        "@@include /inc ^a", "@@x_include /inc ^", "@@define X /a", "@@undef X", "@@{X}", "@@{", "}", "/", "!/",
        "=/", " ", "\t", "\r", "\n", "#", "\\", "\\ ", "=", " = ", "+", "-", ",", "R", "p+u", "md5", "sha256",
        "f,d", "0", "(", ")", "[", "]", "[[:alpha:]]", "{3}", "{", "*", "+?", "$", "^", ".*", "(a+)+$",
        "database_in=file:/x", "report_url=stdout", "report_level=summary", "root_prefix=/h", "num_workers=2",
        "G = p", "G", "verbose=1", "\u00e4", "\u00ff", "\u0000", "%", "@", "@@"};
    private static final MapConfigFiles FILES = new MapConfigFiles(Map.of("/inc/a", "/a p\n@@include /inc/a\n",
            "/inc/b", "@@if defined Y\n/b R\n", "/inc/c", "/c[ p\n"));
    private static final String[] PATHS = {"/", "/a", "/a/b", "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "/etc/x",
        "/h/a", "/x/\u00e4"};

    @Test
    void randomAndMutatedConfigsNeverThrowAndAlwaysTerminate() throws IOException {
        Random random = new Random(20261125L);
        List<String> seeds = seeds();
        int withProblems = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = i % 2 == 0 ? mutate(seeds.get(random.nextInt(seeds.size())), random) : generate(random);
            ParseOutcome o = AideConfigParser.parse(new ConfigSource("fuzz.conf", text, FILES), options(random));
            checkConsistent(o, text);
            SelectionMatcher matcher = SelectionMatcher.of(o.config());
            for (String path : PATHS) {
                for (FileType type : new FileType[] {FileType.REGULAR, FileType.DIRECTORY}) {
                    Match m = matcher.match(path, type);
                    m.describe(path, type, null);
                }
            }
            withProblems += o.ok() ? 0 : 1;
        }
        assertTrue(withProblems > ITERATIONS / 10 && withProblems < ITERATIONS, "configs with problems: " + withProblems);
    }

    private static ParseOptions options(Random random) {
        ParseOptions o = ParseOptions.defaults().withDropNonApprovedHashes(random.nextBoolean());
        return random.nextInt(4) == 0 ? o.withBeforeLines(List.of("X = p")).withAfterLines(List.of("/z X")) : o;
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

    private static String generate(Random random) {
        StringBuilder sb = new StringBuilder();
        int lines = 1 + random.nextInt(12);
        for (int l = 0; l < lines; l++) {
            int pieces = 1 + random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            sb.append(random.nextInt(10) == 0 ? "" : "\n");
        }
        return sb.toString();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                case 2 -> sb.setCharAt(at, (char) random.nextInt(256));
                default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(40))));
            }
        }
        return sb.toString();
    }

    private List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>(ConfigCheckDifferentialTest.configs().toList());
        for (String name : new String[] {"fio-default-0.18.conf", "fio-default-0.16.conf", "rhel-style.conf"}) {
            try (InputStream in = getClass().getResourceAsStream("/config/" + name)) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return seeds;
    }
}
