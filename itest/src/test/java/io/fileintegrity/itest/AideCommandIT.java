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

    private static int realAide(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("aide"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue("aide did not finish", p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
