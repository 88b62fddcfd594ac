package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import io.fileintegrity.provider.aide.AideOracle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AIDE 0.18.3's special attributes side by side with the real aide: {@code growing} (and the deprecated
 * {@code S}) on appended, rewritten, truncated and formerly empty files; renames under {@code I};
 * gzip log rotation under {@code compressed}; {@code ANF}/{@code ARF} alone and with both. Same
 * lists, exit codes, plain and JSON reports in {@code --check}, {@code --update} and {@code --compare}.
 */
class SpecialAttributesDifferentialTest {
    private static final String FULL = "p+u+g+s+b+m+c+i+n+ftype+sha256+sha512";
    private static final FileTime OLD = FileTime.fromMillis(1_500_000_000_000L);

    @TempDir
    Path work;

    @Test
    void growingIgnoresAppendsButNotRewritesOrTruncation() throws Exception {
        Path t = Files.createDirectories(work.resolve("t/s"));
        SideBySide both = new SideBySide(work, t.getParent(), "@T@(/|$) " + FULL + "+growing\n@T@/s(/|$) p+S+sha256");
        for (String dir : new String[] {"", "s/"}) {
            write(t.getParent().resolve(dir + "appended"), lines(1, 2000));
            write(t.getParent().resolve(dir + "rewritten"), lines(1, 2000));
            write(t.getParent().resolve(dir + "truncated"), lines(1, 2000));
            write(t.getParent().resolve(dir + "empty"), "");
            write(t.getParent().resolve(dir + "same-size"), "abcdef\n");
        }
        both.init();
        AideDifferentialTest.waitForNextSecond();
        for (String dir : new String[] {"", "s/"}) {
            Path d = t.getParent().resolve(dir);
            append(d.resolve("appended"), lines(2001, 2100));
            write(d.resolve("rewritten"), lines(2, 2001));
            write(d.resolve("truncated"), lines(1, 100));
            append(d.resolve("empty"), "now something\n");
            write(d.resolve("same-size"), "ABCDEF\n");
        }
        assertEquals(4, both.run("--check"));
        TreeSet<String> changed = both.lists().get("changed");
        assertTrue(changed.contains(t.getParent().resolve("rewritten").toString()), changed.toString());
        assertTrue(!changed.contains(t.getParent().resolve("appended").toString()), changed.toString());
        assertTrue(changed.contains(t.resolve("appended").toString()), "S has no growing hashes: " + changed);
        assertEquals(4, both.run("--update"));
        assertEquals(4, both.run("--compare"));
    }

    @Test
    void growingWithoutSizeInTheRuleStillKeepsTheSizeAsAideDoes() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        SideBySide both = new SideBySide(work, t, "@T@(/|$) p+u+g+growing+sha256");
        write(t.resolve("log"), lines(1, 500));
        write(t.resolve("config"), lines(1, 500));
        both.init(); // databases byte-identical: the size column is there for growing+sha256 without s
        AideDifferentialTest.waitForNextSecond();
        append(t.resolve("log"), lines(501, 600));
        write(t.resolve("config"), lines(2, 501));
        assertEquals(4, both.run("--check"));
        assertEquals(Set.of(t.resolve("config").toString()), both.lists().get("changed"));
    }

    @Test
    void iMatchesRenamesWithinADirectoryOnly() throws Exception {
        Path t = Files.createDirectories(work.resolve("t/d1"));
        Files.createDirectories(t.resolveSibling("d2"));
        Files.createDirectories(t.resolveSibling("plain"));
        SideBySide both = new SideBySide(work, t.getParent(), "@T@(/|$) " + FULL + "+I\n@T@/plain(/|$) " + FULL);
        Path root = t.getParent();
        for (String name : new String[] {"renamed", "moved", "edited", "over", "victim", "plain/renamed"}) {
            write(root.resolve(name.equals("moved") ? "d1/moved" : name), "content of " + name + "\n");
        }
        both.init();
        AideDifferentialTest.waitForNextSecond();
        Files.move(root.resolve("renamed"), root.resolve("renamed.new"));
        Files.move(root.resolve("d1/moved"), root.resolve("d2/moved"));
        append(root.resolve("edited"), "more\n");
        Files.move(root.resolve("edited"), root.resolve("edited.new"));
        Files.move(root.resolve("over"), root.resolve("victim"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(root.resolve("plain/renamed"), root.resolve("plain/renamed.new"));
        assertEquals(7, both.run("--check"));
        assertEquals(Set.of(root + "/d2/moved", root + "/edited.new", root + "/plain/renamed.new"),
                both.lists().get("added"));
        assertEquals(Set.of(root + "/d1/moved", root + "/edited", root + "/victim", root + "/plain/renamed"),
                both.lists().get("removed"));
        assertEquals(7, both.run("--update"));
        assertEquals(7, both.run("--compare"));
    }

    @Test
    void compressedMatchesAGzipRotationOfAnUnchangedLog() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        SideBySide both = new SideBySide(work, t, "@T@(/|$) " + FULL + "\n"
                + "@T@/log$ f " + FULL + "+growing+ANF+I\n"
                + "@T@/log\\.1$ f " + FULL + "\n"
                + "@T@/log\\.2\\.gz$ f " + FULL + "+I+compressed\n"
                + "@T@/log\\.3\\.gz$ f " + FULL + "+I\n"
                + "@T@/log\\.4\\.gz$ f " + FULL + "+ARF\n"
                + "@T@/other.*$ f " + FULL + "+I+compressed");
        write(t.resolve("log"), lines(1, 500));
        write(t.resolve("log.1"), lines(501, 1000));
        gzip(lines(1001, 1500), t.resolve("log.2.gz"));
        gzip(lines(1501, 2000), t.resolve("log.3.gz"));
        gzip(lines(2001, 2500), t.resolve("log.4.gz"));
        write(t.resolve("other.log"), lines(1, 300));
        write(t.resolve("other.txt"), lines(1, 300));
        write(t.resolve("other.gz"), "not gzip\n");
        for (String f : new String[] {"log.1", "log.2.gz", "log.3.gz", "log.4.gz", "other.log", "other.txt"}) {
            Files.setLastModifiedTime(t.resolve(f), OLD);
        }
        both.init();
        AideDifferentialTest.waitForNextSecond();
        append(t.resolve("log"), lines(9000, 9100));
        Files.delete(t.resolve("log.4.gz"));
        Files.move(t.resolve("log.3.gz"), t.resolve("log.4.gz"));
        Files.move(t.resolve("log.2.gz"), t.resolve("log.3.gz"));
        gzip(Files.readString(t.resolve("log.1")), t.resolve("log.2.gz"));
        Files.setLastModifiedTime(t.resolve("log.2.gz"), OLD);
        Files.delete(t.resolve("log.1"));
        Files.move(t.resolve("log"), t.resolve("log.1"));
        write(t.resolve("log"), "");
        gzip(lines(1, 300), t.resolve("other.log.gz"));
        Files.setLastModifiedTime(t.resolve("other.log.gz"), OLD);
        Files.delete(t.resolve("other.log"));
        gzip(lines(1, 300), t.resolve("other.txt.gz"));
        Files.delete(t.resolve("other.txt"));
        Files.move(t.resolve("other.gz"), t.resolve("other.gz.renamed"));
        assertEquals(7, both.run("--check"));
        assertEquals(Set.of(t + "/other.txt.gz"), both.lists().get("added"), "a new mtime is no rotation");
        assertEquals(Set.of(t + "/other.txt"), both.lists().get("removed"));
        assertEquals(7, both.run("--update"));
    }

    @Test
    void anfAndArfHideAdditionsAndRemovalsAlsoOfMovedEntries() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        SideBySide both = new SideBySide(work, t, "@T@(/|$) " + FULL + "\n"
                + "@T@/new.*$ " + FULL + "+ANF\n"
                + "@T@/gone.*$ f " + FULL + "+ARF+I\n"
                + "@T@/cur$ f " + FULL + "+I+growing\n"
                + "@T@/cur\\.1\\.gz$ f " + FULL + "+compressed+ANF");
        write(t.resolve("gone1"), "1\n");
        write(t.resolve("gone2"), "2\n");
        write(t.resolve("gone3"), "3\n");
        write(t.resolve("kept"), "k\n");
        write(t.resolve("cur"), lines(1, 400));
        Files.setLastModifiedTime(t.resolve("cur"), OLD);
        both.init();
        AideDifferentialTest.waitForNextSecond();
        Files.delete(t.resolve("gone1"));
        Files.move(t.resolve("gone2"), t.resolve("gone2.renamed"));
        Files.move(t.resolve("gone3"), t.resolve("new3"));
        Files.createDirectories(t.resolve("newdir"));
        write(t.resolve("newfile"), "n\n");
        Files.delete(t.resolve("kept"));
        gzip(Files.readString(t.resolve("cur")), t.resolve("cur.1.gz"));
        Files.setLastModifiedTime(t.resolve("cur.1.gz"), OLD);
        write(t.resolve("cur"), "");
        assertEquals(both.run("--check"), both.run("--update"));
        assertEquals(Set.of(t + "/kept"), both.lists().get("removed"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4})
    void mutatedTreesUnderAllSpecialAttributesAgreeWithAide(int seed) throws Exception {
        Path tree = work.resolve("tree");
        AideOracle.makeTree(tree, 200, 1, seed);
        SideBySide both = new SideBySide(work, tree, "@T@(/|$) " + AideDifferentialTest.ATTRS + "+growing+I+compressed");
        both.init();
        AideDifferentialTest.waitForNextSecond();
        Map<Path, Object> before = ctimes(tree);
        AideOracle.mutate(tree, work.resolve("expected"));
        TreeMutations.apply(tree);
        Map<Path, Object> after = ctimes(tree);
        List<Path> files = before.keySet().stream().filter(f -> before.get(f).equals(after.get(f))).sorted().toList();
        int n = files.size();
        for (int i : new int[] {60, 63, 66}) {
            Path f = files.get(n * i / 100);
            Files.move(f, f.resolveSibling("renamed-" + f.getFileName()));
        }
        Path across = files.get(n * 69 / 100);
        Files.move(across, tree.resolve("moved-" + across.getFileName()));
        for (int i : new int[] {72, 75}) {
            rotate(files.get(n * i / 100));
        }
        append(files.get(n * 78 / 100), "grown\n");
        assertEquals(both.run("--check"), both.run("--update"));
        both.run("--compare");
        TreeSet<String> added = both.lists().get("added");
        assertTrue(added.contains(tree + "/moved-" + across.getFileName()), added.toString());
        assertTrue(added.stream().noneMatch(a -> a.contains("/renamed-")), added.toString());
        // growing on the gzip file limits aide's uncompressed hash to the gzip's own size: no rotation.
        assertEquals(2, added.stream().filter(a -> a.endsWith(".gz")).count(), added.toString());
    }

    /** The ctime of every regular file: files whose ctime stays the same were not touched. */
    private static Map<Path, Object> ctimes(Path tree) throws IOException {
        Map<Path, Object> result = new java.util.HashMap<>();
        for (Path f : TreeMutations.untouchedFiles(tree)) {
            result.put(f, Files.getAttribute(f, "unix:ctime", java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
        return result;
    }

    /** A gzip rotation that keeps mode and mtime (as gzip and logrotate do). */
    private static void rotate(Path f) throws IOException {
        Path gz = f.resolveSibling(f.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(f, out);
        }
        Files.setPosixFilePermissions(gz, Files.getPosixFilePermissions(f));
        Files.setLastModifiedTime(gz, Files.getLastModifiedTime(f));
        Files.delete(f);
    }

    @Test
    void aSecondGzipCopyOfARotatedLogIsReportedWhereAideHidesIt() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        SideBySide both = new SideBySide(work, t, "@T@(/|$) " + FULL + "+compressed");
        write(t.resolve("log.1"), lines(1, 300));
        Files.setLastModifiedTime(t.resolve("log.1"), OLD);
        both.init();
        AideDifferentialTest.waitForNextSecond();
        for (String copy : new String[] {"log.1.gz", "z.gz"}) {
            gzip(lines(1, 300), t.resolve(copy));
            Files.setLastModifiedTime(t.resolve(copy), OLD);
        }
        Files.delete(t.resolve("log.1"));
        int[] exits = both.runApart("--check");
        assertEquals(4, exits[0], "aide counts both copies as rotations of log.1");
        assertEquals(5, exits[1]);
        assertEquals(Set.of(), both.lists().get("added"));
        assertEquals(Set.of(t + "/z.gz"), both.ourLists().get("added"));
    }

    @Test
    void aGzipWithoutItsTrailerIsNoRotationWhereAideMatchesIt() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        SideBySide both = new SideBySide(work, t, "@T@(/|$) " + FULL + "+compressed");
        write(t.resolve("log.1"), lines(1, 300));
        Files.setLastModifiedTime(t.resolve("log.1"), OLD);
        both.init();
        AideDifferentialTest.waitForNextSecond();
        gzip(lines(1, 300), t.resolve("log.1.gz"));
        byte[] gz = Files.readAllBytes(t.resolve("log.1.gz"));
        Files.write(t.resolve("log.1.gz"), java.util.Arrays.copyOf(gz, gz.length - 8));
        Files.setLastModifiedTime(t.resolve("log.1.gz"), OLD);
        Files.delete(t.resolve("log.1"));
        int[] exits = both.runApart("--check");
        assertEquals(4, exits[0], "aide hashes what zlib returned before the missing trailer");
        assertEquals(7, exits[1]);
        assertEquals(Set.of(t + "/log.1.gz"), both.ourLists().get("added"));
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("line ").append(i).append('\n');
        }
        return b.toString();
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.US_ASCII);
    }

    private static void append(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    }

    private static void gzip(String text, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
