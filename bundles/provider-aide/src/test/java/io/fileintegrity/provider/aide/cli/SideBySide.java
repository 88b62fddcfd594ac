package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.provider.aide.AideOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeSet;

/**
 * The real aide and {@code fio aide} on one tree with the same rules, each with its own databases and
 * reports (a list report, plain reports with summaries at the default level and at
 * {@code added_removed_entries}, and a JSON report): every run asserts the same
 * exit code, the same added/removed/changed lists and the same reports (timestamps and the side's own
 * directory aside). Rules name the tree as {@code @T@}.
 */
final class SideBySide {
    private final Path tree;
    private final Path aide;
    private final Path ours;

    SideBySide(Path work, Path tree, String rules) throws IOException {
        this.tree = tree;
        this.aide = Files.createDirectories(work.resolve("aide"));
        this.ours = Files.createDirectories(work.resolve("ours"));
        writeConfig(aide, rules);
        writeConfig(ours, rules);
    }

    private void writeConfig(Path dir, String rules) throws IOException {
        String text = "database_in=file:" + dir.resolve("db") + "\ndatabase_out=file:" + dir.resolve("db.new")
                + "\ndatabase_new=file:" + dir.resolve("db.new") + "\ndatabase_attrs=E\n"
                + "report_level=list_entries\nreport_summarize_changes=false\nreport_url=file:" + dir.resolve("list")
                + "\nreport_level=changed_attributes\nreport_summarize_changes=true\nreport_url=file:"
                + dir.resolve("report") + "\nreport_level=added_removed_entries\nreport_url=file:" + dir.resolve("full")
                + "\nreport_format=json\nreport_url=file:" + dir.resolve("json") + "\n"
                + rules.replace("@T@", tree.toString()) + "\n";
        Files.writeString(dir.resolve("aide.conf"), text);
    }

    /** Both initialise; the databases must have the same entry lines. */
    void init() throws IOException {
        assertEquals(0, AideOracle.aide("-c", conf(aide), "--init").exit(), "aide --init");
        assertEquals(0, AideDifferentialTest.ours("-c", conf(ours), "--init"), "fio aide --init");
        for (Path dir : new Path[] {aide, ours}) {
            Files.move(dir.resolve("db.new"), dir.resolve("db"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(AideDifferentialTest.entryLines(aide.resolve("db")),
                AideDifferentialTest.entryLines(ours.resolve("db")), "databases differ");
    }

    /** Both run {@code --check}, {@code --update} or {@code --compare}; returns the common exit code. */
    int run(String mode) throws IOException {
        AideOracle.Result expected = AideOracle.aide("-c", conf(aide), mode);
        int exit = AideDifferentialTest.ours("-c", conf(ours), mode);
        assertEquals(expected.exit(), exit, mode + ": exit codes differ: " + expected.err());
        assertEquals(AideDifferentialTest.lists(aide), AideDifferentialTest.lists(ours), mode + ": lists differ");
        assertEquals(report(aide, "report"), report(ours, "report"), mode + ": plain reports differ");
        assertEquals(report(aide, "full"), report(ours, "full"), mode + ": added_removed_entries reports differ");
        assertEquals(report(aide, "json"), report(ours, "json"), mode + ": JSON reports differ");
        if (mode.equals("--update")) {
            assertEquals(AideDifferentialTest.entryLines(aide.resolve("db.new")),
                    AideDifferentialTest.entryLines(ours.resolve("db.new")), "updated databases differ");
        }
        return exit;
    }

    /** Both run {@code mode} without comparing anything (for documented differences): aide's and our exit. */
    int[] runApart(String mode) throws IOException {
        int expected = AideOracle.aide("-c", conf(aide), mode).exit();
        return new int[] {expected, AideDifferentialTest.ours("-c", conf(ours), mode)};
    }

    /** Our added/removed/changed lists of the last run. */
    Map<String, TreeSet<String>> ourLists() throws IOException {
        return AideDifferentialTest.lists(ours);
    }

    /** aide's added/removed/changed lists of the last run. */
    Map<String, TreeSet<String>> lists() throws IOException {
        return AideDifferentialTest.lists(aide);
    }

    /** aide's plain report of the last run. */
    String aideReport() throws IOException {
        return AideDifferentialTest.read(aide.resolve("report"));
    }

    private static String report(Path dir, String name) throws IOException {
        return AideDifferentialTest.withoutTimes(AideDifferentialTest.read(dir.resolve(name))).replace(dir.toString(), "<db dir>");
    }

    private static String conf(Path dir) {
        return dir.resolve("aide.conf").toString();
    }
}
