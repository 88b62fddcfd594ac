package io.fileintegrity.k8s.bridge.convert;

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
        assertTrue(DefaultAideConf.text().contains("CONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs"));
        assertFalse(DefaultAideConf.text().matches("(?s).*\\b(md5|sha1|rmd160|tiger)\\b.*"));
    }

    @Test
    void defaultHasFiosTwentyTwoOpenShiftExcludesBeforeTheEtcRule() {
        List<String> lines = lines();
        int start = lines.indexOf("# OpenShift specific excludes");
        List<String> excludes = lines.subList(start + 1, start + 23);
        assertEquals(22, excludes.stream().filter(l -> l.startsWith("!/hostroot/")).count());
        assertEquals("/hostroot/etc/    CONTENT_EX", lines.get(lines.size() - 1));
    }

    @Test
    void defaultWritesDatabaseAndLogWhereTheAgentReadsThem() {
        List<String> lines = lines();
        assertTrue(lines.contains("@@define DBDIR /hostroot/etc/kubernetes"));
        assertTrue(lines.contains("database=file:@@{DBDIR}/aide.db.gz"));
        assertTrue(lines.contains("database_out=file:@@{DBDIR}/aide.db.gz.new"));
        assertTrue(lines.contains("report_url=file:@@{LOGDIR}/aide.log.new"));
    }

    @Test
    void onlyTheExactTextIsTheDefault() {
        assertTrue(DefaultAideConf.isDefault(DefaultAideConf.text()));
        assertFalse(DefaultAideConf.isDefault(DefaultAideConf.text() + "\n# a comment"));
    }
}
