package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fileintegrity.provider.aide.AideOracle;
import io.fileintegrity.provider.aide.AideOracle.Result;
import io.fileintegrity.provider.aide.cli.AideMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report_url=fd:N} and {@code syslog:} side by side with the real aide 0.18.3: both run as
 * processes ({@code fio aide} through {@link AideMain}) on the same database and tree, fd 3 redirected by
 * the shell, syslog caught by a socket bound over {@code /dev/log} in a private mount namespace.
 */
class ReportDestinationDifferentialTest {
    private static final String TIMES = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}|run time: \\d+m \\d+s|run_time_seconds\": \\d+";

    @TempDir
    Path work;
    Path tree;

    @BeforeEach
    void treeAndBaseline() throws IOException {
        tree = Files.createDirectories(work.resolve("tree/sub"));
        for (int i = 0; i < 6; i++) {
            Files.writeString(tree.resolve("f" + i), "content " + i);
        }
        conf("database_attrs=E\nreport_url=stdout\n");
        Result init = AideOracle.aide("-i", "-c", work.resolve("aide.conf").toString());
        assertEquals(0, init.exit(), init.err());
        Files.move(work.resolve("db.new"), work.resolve("db"));
        Files.writeString(tree.resolve("f1"), "changed");
        Files.delete(tree.resolve("f2"));
        Files.writeString(tree.resolve("new"), "added");
    }

    private Path conf(String reports) throws IOException {
        return Files.writeString(work.resolve("aide.conf"), "database_in=file:" + work.resolve("db")
                + "\ndatabase_out=file:" + work.resolve("db.new") + "\n" + reports
                + work.resolve("tree") + "(/|$) p+u+g+s+m+c+sha256\n");
    }

    @Test
    void fdReportIsWhatAideWritesToTheSameRedirectedDescriptor() throws IOException {
        conf("database_attrs=E\nreport_url=fd:3\nreport_format=json\nreport_url=fd:4\n");
        Result aide = shell("exec " + aideBinary() + " -C -c aide.conf 3>aide.fd3 4>aide.fd4");
        Result ours = shell("exec " + ourCommand("3,4") + " -C -c aide.conf 3>ours.fd3 4>ours.fd4");
        assertEquals(7, aide.exit(), aide.err());
        assertEquals(aide.exit(), ours.exit(), ours.err());
        for (String f : List.of("fd3", "fd4")) {
            String expected = read("aide." + f);
            assertTrue(expected.contains("/sub/new"), expected);
            assertEquals(expected.replaceAll(TIMES, "T"), read("ours." + f).replaceAll(TIMES, "T"), f);
        }
    }

    @Test
    void closedOrReadOnlyDescriptorIsExitCode17BeforeTheScanAsInAide() throws IOException {
        conf("database_attrs=E\nreport_url=fd:7\n");
        for (String redirect : List.of("", "7</dev/null")) {
            Result aide = shell("exec " + aideBinary() + " -C -c aide.conf " + redirect);
            Result ours = shell("exec " + ourCommand(redirect.isEmpty() ? "" : "7") + " -C -c aide.conf " + redirect);
            assertEquals(17, aide.exit(), aide.err());
            assertEquals(17, ours.exit(), ours.out() + ours.err());
            assertTrue(ours.err().contains("aide.conf:4: couldn't reopen file descriptor 7"), ours.err());
            assertEquals("", ours.out());
        }
    }

    @Test
    void anUnopenableReportFileIsExitCode17BeforeTheScanAsInAide() throws IOException {
        conf("database_attrs=E\nreport_url=stdout\nreport_url=file:" + work.resolve("missing/report.log") + "\n");
        Result aide = shell("exec " + aideBinary() + " -C -c aide.conf");
        Result ours = shell("exec " + ourCommand() + " -C -c aide.conf");
        assertEquals(17, aide.exit(), aide.err());
        assertEquals(17, ours.exit(), ours.err());
        assertTrue(ours.err().contains("aide.conf:5: open (read/write) failed for file '" + work.resolve("missing/report.log")
                + "': No such file or directory"), ours.err());
        assertEquals(aide.out(), ours.out());
    }

    @Test
    void syslogMessagesAreAidesMessageForMessage() throws IOException {
        // two syslog URLs: AIDE sends both reports with the facility of the last one it opened (LOG_LOCAL3);
        // a non-default level (a config option line), an ignored attribute (a report option line), the
        // database's digest (its own section) and added/removed entries in the details
        conf("database_attrs=sha256\nreport_level=added_removed_entries\nreport_ignore_changed_attrs=a\n"
                + "report_url=syslog:LOG_LOCAL3\nreport_format=json\nreport_url=syslog:LOG_DAEMON\n");
        List<String> aide = syslogOf("exec " + aideBinary() + " -C -c " + work.resolve("aide.conf"));
        List<String> ours = syslogOf("exec " + ourCommand() + " -C -c " + work.resolve("aide.conf"));
        String all = String.join("", aide);
        assertTrue(aide.size() > 20 && aide.stream().allMatch(m -> m.startsWith("<157>T aide: ")), all);
        for (String part : List.of("Report level: added_removed_entries", "Ignored changed attributes: a",
                "The attributes of the (uncompressed) database(s)", "\"databases\": {", "\"report_level\"")) {
            assertTrue(all.contains(part), part + " in " + all);
        }
        assertEquals(aide, ours);
    }

    /** The messages a command sends to /dev/log, header timestamps and report times replaced. */
    private List<String> syslogOf(String command) throws IOException {
        Path dev = Files.createDirectories(work.resolve("dev-" + System.nanoTime() % 100000));
        StringBuilder setup = new StringBuilder();
        for (String node : List.of("null", "zero", "random", "urandom")) {
            Files.createFile(dev.resolve(node));
            setup.append("mount --bind /dev/").append(node).append(' ').append(dev.resolve(node)).append(" && ");
        }
        try (DatagramReceiver receiver = new DatagramReceiver(dev.resolve("log"))) {
            Result r = AideOracle.run(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                    setup + "mount --rbind " + dev + " /dev && " + command), work);
            if (r.err().contains("unshare:") || r.err().contains("mount:")) {
                fail("this test needs root and mount namespaces (unshare -m) to put a socket at /dev/log: " + r.err());
            }
            assertEquals(7, r.exit(), r.out() + r.err());
            List<String> messages = new ArrayList<>();
            for (byte[] m : receiver.messages()) {
                messages.add(new String(m, StandardCharsets.ISO_8859_1)
                        .replaceFirst("^(<\\d+>)[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ", "$1T ")
                        .replaceAll(TIMES, "T"));
            }
            return messages;
        }
    }

    private Result shell(String command) throws IOException {
        return AideOracle.run(List.of("sh", "-c", command), work);
    }

    private String read(String name) throws IOException {
        return Files.readString(work.resolve(name), StandardCharsets.ISO_8859_1);
    }

    private static String aideBinary() throws IOException {
        Result which = AideOracle.run(List.of("sh", "-c", "command -v aide || ls /usr/sbin/aide /usr/bin/aide"),
                Path.of("/"));
        if (which.out().isBlank()) {
            fail("the real 'aide' (0.18) is not installed; it is the oracle of this test (apt-get install aide)");
        }
        return which.out().lines().findFirst().orElseThrow().trim();
    }

    /** {@code fio aide} as a process: this JVM's java and class path, {@link AideMain}. */
    private static String ourCommand() {
        return ourCommand("");
    }

    /**
     * {@code fio aide} as {@code bin/fio} starts it: the JVM is told which descriptors (3 and up) the shell
     * passed ({@code -Dfio.inherited.fds}); every other descriptor of the JVM is its own and never written.
     */
    private static String ourCommand(String inheritedFds) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return java + " -Xshare:auto -XX:TieredStopAtLevel=1 -Dfio.inherited.fds=" + inheritedFds + " -cp '"
                + System.getProperty("java.class.path") + "' " + AideMain.class.getName();
    }
}
