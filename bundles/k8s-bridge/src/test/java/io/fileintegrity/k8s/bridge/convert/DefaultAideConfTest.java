package io.fileintegrity.k8s.bridge.convert;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultAideConfTest {

    private static List<String> lines() {
        return Arrays.asList(DefaultAideConf.text().split("\n", -1));
    }

    @Test
    void defaultUsesOnlySha512AndEndsWithoutNewline() {
        assertFalse(DefaultAideConf.text().endsWith("\n"));
        assertTrue(DefaultAideConf.text().contains("CONTENTEX = sha512+ftype+p+u+g+n+acl+selinux+xattrs"));
        assertFalse(DefaultAideConf.text().matches("(?s).*\\b(md5|sha1|rmd160|tiger)\\b.*"));
    }

    @Test
    void defaultHasFiosTwentyTwoOpenShiftExcludesBeforeTheEtcRule() {
        List<String> lines = lines();
        int start = lines.indexOf("# OpenShift specific excludes");
        List<String> excludes = lines.subList(start + 1, start + 23);
        assertEquals(22, excludes.stream().filter(l -> l.startsWith("!/hostroot/")).count());
        assertEquals("/hostroot/etc/    CONTENTEX", lines.get(lines.size() - 1));
        assertFalse(lines.contains("/hostroot/usr/    CONTENTEX"), "FIO's 0.18 variant has no /usr rule");
    }

    @Test
    void defaultWritesDatabaseAndLogWhereTheAgentReadsThem() {
        List<String> lines = lines();
        assertTrue(lines.contains("@@define DBDIR /hostroot/etc/kubernetes"));
        assertTrue(lines.contains("database_in=file:@@{DBDIR}/aide.db.gz"));
        assertTrue(lines.contains("log_level=warning"));
        assertTrue(lines.contains("report_level=changed_attributes"));
        assertTrue(lines.contains("database_out=file:@@{DBDIR}/aide.db.gz.new"));
        assertTrue(lines.contains("report_url=file:@@{LOGDIR}/aide.log.new"));
    }

    /** The real aide 0.18 is the oracle: the default must pass its config check (the 0.16 variant does not). */
    @Test
    void realAideAcceptsTheDefault(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("aide.conf");
        Files.writeString(conf, DefaultAideConf.text());
        Process aide = new ProcessBuilder("aide", "--config-check", "-c", conf.toString()).redirectErrorStream(true).start();
        String output = new String(aide.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(aide.waitFor(60, TimeUnit.SECONDS), "aide did not finish");
        assertEquals(0, aide.exitValue(), "aide --config-check: " + output);
    }

    @Test
    void onlyTheExactTextIsTheDefault() {
        assertTrue(DefaultAideConf.isDefault(DefaultAideConf.text()));
        assertFalse(DefaultAideConf.isDefault(DefaultAideConf.text() + "\n# a comment"));
    }
}
