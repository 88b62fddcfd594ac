package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.aide.AideOracle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real aide 0.18 and {@code fio aide} on the same generated trees, the same mutations and the
 * same rules: same added/removed/changed entries, same exit codes, same reports (timestamps aside),
 * and each reads the other's database with the same result.
 */
class AideDifferentialTest {
    static final String ATTRS = "p+i+n+u+g+s+m+c+l+b+ftype+acl+selinux+xattrs+e2fsattrs+caps+sha256+sha512";

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(ints = {3, 8})
    void checkAgreesWithAideOnMutatedTrees(int seed) throws Exception {
        Path tree = work.resolve("tree");
        AideOracle.makeTree(tree, 250, 1, seed);
        TreeMutations.oddNames(tree);
        Path aideDir = Files.createDirectories(work.resolve("aide"));
        Path oursDir = Files.createDirectories(work.resolve("ours"));
        Path aideConf = config(aideDir, tree, aideDir.resolve("db"));
        Path oursConf = config(oursDir, tree, oursDir.resolve("db"));

        assertEquals(0, AideOracle.aide("-c", aideConf.toString(), "--init").exit());
        assertEquals(0, ours("-c", oursConf.toString(), "--init"));
        promote(aideDir);
        promote(oursDir);
        assertEquals(entryLines(aideDir.resolve("db")), entryLines(oursDir.resolve("db")), "databases differ");

        waitForNextSecond();
        AideOracle.mutate(tree, work.resolve("expected"));
        TreeMutations.apply(tree);

        AideOracle.Result aide = AideOracle.aide("-c", aideConf.toString(), "--check");
        int oursExit = ours("-c", oursConf.toString(), "--check");
        assertEquals(aide.exit(), oursExit, "exit codes differ: " + aide.err());
        assertEquals(7, oursExit);
        assertEquals(lists(aideDir), lists(oursDir), "added/removed/changed lists differ");
        assertEquals(withoutTimes(read(aideDir.resolve("report"))), withoutTimes(read(oursDir.resolve("report"))));
        assertEquals(withoutTimes(read(aideDir.resolve("json"))), withoutTimes(read(oursDir.resolve("json"))));

        Files.copy(aideDir.resolve("db"), oursDir.resolve("db"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(aide.exit(), ours("-c", oursConf.toString(), "--check"), "we disagree on aide's database");
        assertEquals(lists(aideDir), lists(oursDir), "our check of aide's database differs");
    }

    @ParameterizedTest
    @ValueSource(ints = {5})
    void aideAcceptsOurDatabase(int seed) throws Exception {
        Path tree = work.resolve("tree");
        AideOracle.makeTree(tree, 150, 1, seed);
        Path dir = Files.createDirectories(work.resolve("d"));
        Path conf = config(dir, tree, dir.resolve("db"));
        assertEquals(0, ours("-c", conf.toString(), "--init"));
        promote(dir);
        AideOracle.Result clean = AideOracle.aide("-c", conf.toString(), "--check");
        assertEquals(0, clean.exit(), "aide finds differences in our fresh database: " + read(dir.resolve("list")));
        waitForNextSecond();
        AideOracle.mutate(tree, work.resolve("expected"));
        AideOracle.Result changed = AideOracle.aide("-c", conf.toString(), "--check");
        assertEquals(7, changed.exit(), changed.err());
        Map<String, TreeSet<String>> aideLists = lists(dir);
        assertEquals(0, ours("-c", conf.toString(), "--check"), 7);
        assertEquals(aideLists, lists(dir));
        assertEquals(Files.readAllLines(work.resolve("expected/expected-added.txt")).size(), aideLists.get("added").size());
    }

    private static Path config(Path dir, Path tree, Path db) throws IOException {
        String text = "database_in=file:" + db + "\ndatabase_out=file:" + db + ".new\ndatabase_attrs=E\n"
                + "report_level=list_entries\nreport_summarize_changes=false\nreport_url=file:" + dir.resolve("list")
                + "\nreport_level=changed_attributes\nreport_summarize_changes=true\nreport_url=file:"
                + dir.resolve("report") + "\nreport_format=json\nreport_url=file:" + dir.resolve("json")
                + "\nALLR = " + ATTRS + "\n" + tree + "(/|$) ALLR\n";
        Path conf = dir.resolve("aide.conf");
        Files.writeString(conf, text);
        return conf;
    }

    static int ours(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AideCommand().run(new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true), new PrintStream(err, true), Path.of("/"), false, Map.of()));
        if (code >= 14) {
            System.err.println(err.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    private static void promote(Path dir) throws IOException {
        Files.move(dir.resolve("db.new"), dir.resolve("db"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void waitForNextSecond() throws InterruptedException {
        long now = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 <= now) {
            Thread.sleep(20);
        }
    }

    static Map<String, TreeSet<String>> lists(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("list"), StandardCharsets.ISO_8859_1);
        return Map.of("added", prefixed(lines, "added: "), "removed", prefixed(lines, "removed: "),
                "changed", prefixed(lines, "changed: "));
    }

    private static TreeSet<String> prefixed(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    /** The report without its start/end times, run time and version (the documented differences). */
    static String withoutTimes(String report) {
        return report.lines().filter(l -> !l.startsWith("Start timestamp:") && !l.startsWith("End timestamp:")
                && !l.contains("\"start_time\"") && !l.contains("\"end_time\"") && !l.contains("\"run_time_seconds\""))
                .collect(Collectors.joining("\n"));
    }

    static String entryLines(Path db) throws IOException {
        return Files.readAllLines(db, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n"));
    }
}
