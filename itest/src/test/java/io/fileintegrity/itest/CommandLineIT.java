package io.fileintegrity.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.junit.Test;

/** {@code bin/fio} one-off commands as a user runs them: exit codes, output, the drop-in flow. */
public class CommandLineIT {

    @Test
    public void helpListsTheCommandsAndExitsZero() throws Exception {
        FioProcess.Outcome r = FioProcess.freshHome().run("--help");
        assertEquals(r.err(), 0, r.exitCode());
        assertTrue(r.out(), r.out().contains("providers"));
        assertTrue(r.out(), r.out().contains("run"));
        assertTrue(r.out(), r.out().contains("version"));
    }

    @Test
    public void unknownCommandExits64WithOneClearLine() throws Exception {
        FioProcess.Outcome r = FioProcess.freshHome().run("frobnicate");
        assertEquals(64, r.exitCode());
        assertTrue(r.err(), r.err().contains("fio: unknown command 'frobnicate'"));
    }

    @Test
    public void versionNamesFioFelixAndJava() throws Exception {
        FioProcess.Outcome r = FioProcess.freshHome().run("version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out(), r.out().startsWith("fio 0."));
        assertTrue(r.out(), r.out().contains("java 17"));
    }

    @Test
    public void aProviderDroppedIntoDeployIsListedAndGoneWhenRemoved() throws Exception {
        FioProcess fio = FioProcess.freshHome();
        FioProcess.Outcome before = fio.run("providers", "--names");
        assertEquals(before.err(), 0, before.exitCode());
        assertFalse(before.out(), before.out().lines().anyMatch("sha256sum"::equals));

        var jar = fio.deploy().resolve("provider-sha256sum.jar");
        Files.copy(DistributionBundles.exampleProvider().toPath(), jar, StandardCopyOption.REPLACE_EXISTING);
        FioProcess.Outcome after = fio.run("providers");
        assertEquals(0, after.exitCode());
        assertTrue(after.out(), after.out().lines().anyMatch(l -> l.startsWith("sha256sum ") && l.contains("experimental")));

        Files.delete(jar);
        assertFalse(fio.run("providers", "--names").out().lines().anyMatch("sha256sum"::equals));
    }

    @Test
    public void providersRejectsUnknownArguments() throws Exception {
        FioProcess.Outcome r = FioProcess.freshHome().run("providers", "--bogus");
        assertEquals(64, r.exitCode());
        assertTrue(r.err(), r.err().contains("unknown argument"));
    }

    @Test
    public void runRejectsABadIntervalWith64() throws Exception {
        FioProcess.Outcome r = FioProcess.freshHome().run("run", "--interval", "0");
        assertEquals(64, r.exitCode());
        assertTrue(r.err(), r.err().contains("--interval must be at least 1 second"));
    }
}
