package io.fileintegrity.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * {@code fio aide} from the built distribution (so the OSGi packaging of the engine and its libraries is
 * exercised: gzip through commons-compress, hashing through BC-FIPS, JNA) against the real {@code aide}:
 * same database, same exit codes.
 */
public class AideCommandIT {

    @Test
    public void initByFioCheckByBothGivesAideExitCodes() throws Exception {
        Path dir = Files.createTempDirectory("fio-aide-it");
        Path tree = Files.createDirectories(dir.resolve("tree/etc"));
        Files.writeString(tree.resolve("a"), "a\n");
        Files.writeString(tree.resolve("b"), "b\n");
        Path db = Files.createDirectories(dir.resolve("db"));
        Path conf = dir.resolve("aide.conf");
        Files.writeString(conf, "database_in=file:" + db + "/aide.db.gz\n"
                + "database_out=file:" + db + "/aide.db.new.gz\n"
                + "gzip_dbout=yes\n"
                + "FIO = p+i+n+u+g+s+m+c+sha256+sha512\n"
                + dir.resolve("tree") + " FIO\n");
        FioProcess fio = FioProcess.freshHome();

        FioProcess.Outcome init = fio.run("aide", "--init", "-c", conf.toString());
        assertEquals(init.err(), 0, init.exitCode());
        Files.move(db.resolve("aide.db.new.gz"), db.resolve("aide.db.gz"));
        assertEquals(0, fio.run("aide", "--check", "-c", conf.toString()).exitCode());
        assertEquals("real aide accepts our database", 0, realAide("--check", "-c", conf.toString()));

        Files.writeString(tree.resolve("a"), "changed\n");
        Files.delete(tree.resolve("b"));
        Files.writeString(tree.resolve("new"), "new\n");
        FioProcess.Outcome check = fio.run("aide", "--check", "-c", conf.toString());
        int expected = realAide("--check", "-c", conf.toString());
        assertEquals(1 | 2 | 4, expected);
        assertEquals(check.err(), expected, check.exitCode());
        assertTrue(check.out(), check.out().contains("AIDE found differences between database and filesystem!!"));

        FioProcess.Outcome broken = fio.run("aide", "--check", "-c", dir.resolve("missing.conf").toString());
        assertEquals(broken.err(), realAide("--check", "-c", dir.resolve("missing.conf").toString()), broken.exitCode());
    }

    @Test
    public void reportUrlFdWritesOnlyToADescriptorTheCallerPassed() throws Exception {
        Path dir = Files.createTempDirectory("fio-aide-fd-it");
        Files.createDirectories(dir.resolve("tree"));
        Files.writeString(dir.resolve("tree/a"), "a\n");
        Path conf = dir.resolve("aide.conf");
        Files.writeString(conf, "report_url=fd:9\n"
                + "database_out=file:" + dir + "/aide.db.new\n"
                + dir.resolve("tree") + " p+sha256\n");
        FioProcess fio = FioProcess.freshHome();
        Path report = dir.resolve("fd9.txt");
        String bin = fio.home().resolve("bin/fio").toString();

        // fd 9 given by the shell: the report goes there
        int passed = shell("exec 9>\"$1\"; \"$2\" aide --init -c \"$3\"", report, bin, conf);
        assertEquals(0, passed);
        assertTrue(Files.readString(report), Files.readString(report).contains("AIDE successfully initialized database."));

        // no fd 9 in the caller: descriptor 9 of the JVM (its own file) is never written, exit 17 as aide
        Files.delete(dir.resolve("aide.db.new"));
        int notPassed = shell("\"$2\" aide --init -c \"$3\" 2>\"$1\"", report, bin, conf);
        assertEquals(realAide("--init", "-c", conf.toString()), notPassed);
        assertEquals(17, notPassed);
        assertTrue(Files.readString(report), Files.readString(report).contains("couldn't reopen file descriptor 9"));
    }

    private static int shell(String script, Path report, String bin, Path conf) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script, "sh", report.toString(), bin, conf.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue("fio aide did not finish", p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private static int realAide(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("aide"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue("aide did not finish", p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
