package io.fileintegrity.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Runs the end-to-end scripts that drive the built distribution the way a user does, so that
 * {@code mvn verify} (the README's test command) covers them: the Web Console tab in headless Chromium
 * (screenshots land in {@code bundles/reporting/target/e2e/}) and {@code fio report} on stored results and
 * failure ConfigMaps. Each script's own output is kept next to its screenshots for diagnosis.
 */
public class ScriptedEndToEndIT {

    @Test
    public void webConsoleTabWorksInARealBrowser() throws Exception {
        runScript("bundles/reporting/e2e/console-e2e.sh", "console-e2e.log");
    }

    @Test
    public void reportCommandRendersStoredResultsAndConfigMaps() throws Exception {
        runScript("bundles/reporting/e2e/report-e2e.sh", "report-e2e.log");
    }

    private static void runScript(String script, String logName) throws Exception {
        Path repo = DistributionBundles.home().resolve("../../..").normalize();
        Path log = Files.createDirectories(repo.resolve("itest/target/e2e")).resolve(logName);
        Process p = new ProcessBuilder("bash", repo.resolve(script).toString()).directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(script + " did not finish in 8 minutes:\n" + output, finished);
        assertEquals(script + " failed:\n" + output, 0, p.exitValue());
    }
}
