package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.aide.AideOracle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and commands of {@code fio aide}, side by side with the real aide where it applies. */
class AideCommandTest {
    @TempDir
    Path work;
    Path tree;
    Path conf;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void tree() throws IOException {
        tree = Files.createDirectories(work.resolve("t/sub"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(tree.resolve("f" + i), "content " + i);
        }
        conf = writeConf("", "");
    }

    private Path writeConf(String name, String extra) throws IOException {
        Path c = work.resolve("aide" + name + ".conf");
        Files.writeString(c, "database_in=file:" + work.resolve("db" + name) + "\ndatabase_out=file:"
                + work.resolve("db" + name + ".new") + "\ndatabase_new=file:" + work.resolve("db" + name + ".new")
                + "\ndatabase_attrs=E\n" + extra + "report_level=list_entries\nreport_summarize_changes=false\n"
                + work.resolve("t") + "(/|$) p+u+g+s+m+c+sha256\n");
        return c;
    }

    static Run ours(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AideCommand().run(new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true), new PrintStream(err, true), Path.of("/"), false, Map.of()));
        return new Run(code, stdout.toString(), err.toString(StandardCharsets.UTF_8));
    }

    static Run ours(String... args) {
        return ours(new ByteArrayOutputStream(), args);
    }

    private void sameExitAsAide(String... args) throws IOException {
        assertEquals(AideOracle.aide(args).exit(), ours(args).exit(), String.join(" ", args));
    }

    @Test
    void exitCodesForBadInputMatchAide() throws IOException {
        sameExitAsAide("--bogus");
        sameExitAsAide("-c", work.resolve("missing.conf").toString(), "-D");
        sameExitAsAide("-c", conf.toString(), "--check");
        sameExitAsAide("-c", conf.toString(), "--check", "-W", "abc");
        sameExitAsAide("-c", conf.toString(), "-D");
        Path bad = work.resolve("bad.conf");
        Files.writeString(bad, "report_url=stdout\nfoo_bar=1\n/etc R # no comments after rules\n");
        sameExitAsAide("-c", bad.toString(), "-D");
        Run r = ours("-c", bad.toString(), "-D");
        assertEquals(17, r.exit());
        assertTrue(r.err().contains(bad + ":2:") && r.err().contains(bad + ":3:"), r.err());
    }

    @Test
    void missingDatabaseNamesThePath() {
        Run r = ours("-c", conf.toString(), "--check");
        assertEquals(18, r.exit());
        assertTrue(r.err().contains(work.resolve("db").toString()), r.err());
    }

    @Test
    void unopenableOutputDatabaseIsAnIoErrorAsInAide() throws IOException {
        Path c = work.resolve("ro.conf");
        Files.writeString(c, "database_out=file:" + work.resolve("no/such/dir/db") + "\n" + work.resolve("t") + " p\n");
        sameExitAsAide("-c", c.toString(), "--init");
    }

    @Test
    void aFailingWriteOfTheDatabaseIsExitCode14() throws IOException {
        Path c = work.resolve("stdout.conf");
        Files.writeString(c, "database_out=stdout\nreport_url=stderr\n" + work.resolve("t") + " p+sha256\n");
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Run r = ours(full, "-c", c.toString(), "--init");
        assertEquals(14, r.exit(), r.err());
        assertTrue(r.err().contains("write error on standard output"), r.err());
    }

    @Test
    void pathCheckExitCodesMatchAide() throws IOException {
        sameExitAsAide("-c", conf.toString(), "-p", "f:" + tree.resolve("f1"));
        sameExitAsAide("-c", conf.toString(), "-p", "f:/usr/bin/x");
        sameExitAsAide("-c", conf.toString(), "-l", "/nowhere", "-p", "f:/usr/bin/x");
        Run r = ours("-c", conf.toString(), "-p", "f:" + tree.resolve("f1"));
        assertTrue(r.out().startsWith("[X] f '" + tree.resolve("f1") + "': selective rule"), r.out());
    }

    @Test
    void updateAndCompareReportLikeAideAndReadGzipDatabases() throws IOException, InterruptedException {
        Path gz = writeConf("gz", "gzip_dbout=yes\n");
        assertEquals(0, ours("-c", gz.toString(), "--init").exit());
        Files.move(work.resolve("dbgz.new"), work.resolve("dbgz"));
        assertEquals(0x1f, Files.readAllBytes(work.resolve("dbgz"))[0] & 0xff);
        assertEquals(0, AideOracle.aide("-c", gz.toString(), "--check").exit(), "aide reads our gzip database");
        AideDifferentialTest.waitForNextSecond();
        Files.writeString(tree.resolve("f2"), "changed");
        Files.delete(tree.resolve("f3"));
        Files.writeString(tree.resolve("f9"), "new");
        AideOracle.Result aideUpdate = AideOracle.aide("-c", gz.toString(), "--update");
        Files.move(work.resolve("dbgz.new"), work.resolve("aide-update.db"));
        Run update = ours("-c", gz.toString(), "--update");
        assertEquals(aideUpdate.exit(), update.exit());
        assertEquals(7, update.exit());
        assertEquals(withoutTimes(aideUpdate.out()), withoutTimes(update.out()));
        Run compare = ours("-c", gz.toString(), "--compare");
        AideOracle.Result aideCompare = AideOracle.aide("-c", gz.toString(), "--compare");
        assertEquals(aideCompare.exit(), compare.exit());
        assertEquals(withoutTimes(aideCompare.out()), withoutTimes(compare.out()));
    }

    @Test
    void limitRestrictsTheCheckAsInAide() throws IOException, InterruptedException {
        assertEquals(0, ours("-c", conf.toString(), "--init").exit());
        Files.move(work.resolve("db.new"), work.resolve("db"));
        AideDifferentialTest.waitForNextSecond();
        Files.writeString(tree.resolve("f1"), "changed");
        Files.writeString(work.resolve("t/outside"), "new");
        String limit = tree.toString();
        AideOracle.Result aide = AideOracle.aide("-c", conf.toString(), "--check", "-l", limit);
        Run r = ours("-c", conf.toString(), "--check", "-l", limit);
        assertEquals(aide.exit(), r.exit());
        assertEquals(withoutTimes(aide.out()), withoutTimes(r.out()));
    }

    @Test
    void dryInitPrintsAidesMatchLinesInAidesOrder() throws IOException {
        Files.createDirectories(work.resolve("t/skip"));
        Files.writeString(work.resolve("t/skip/x"), "x");
        Path c = work.resolve("dry.conf");
        Files.writeString(c, "database_out=file:" + work.resolve("dry.db") + "\nroot_prefix=" + work
                + "\n/t/sub p+sha256\n!/t/sub/f3\n/t/f f p\n");
        AideOracle.Result aide = AideOracle.aide("-c", c.toString(), "--dry-init");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Run r = ours(out, "-c", c.toString(), "--dry-init");
        assertEquals(aide.exit(), r.exit());
        assertEquals(aide.out(), r.out());
        assertTrue(r.out().contains("[X] f '/t/sub/f1'"), r.out());
        assertTrue(Files.notExists(work.resolve("dry.db")), "a dry run writes no database");
        Files.writeString(c, "/t p\n");
        assertEquals(AideOracle.aide("-c", c.toString(), "--dry-init").exit(), ours("-c", c.toString(), "--dry-init").exit());
    }

    private static String withoutTimes(String report) {
        return AideDifferentialTest.withoutTimes(report);
    }
}
