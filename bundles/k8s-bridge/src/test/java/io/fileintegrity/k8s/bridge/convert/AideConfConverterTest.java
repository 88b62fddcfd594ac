package io.fileintegrity.k8s.bridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AideConfConverterTest {

    private static final String USER_CONF = String.join("\n",
            "@@define DBDIR /var/lib/aide",
            "@@define LOGDIR /var/log/aide",
            "database=file:@@{DBDIR}/aide.db.gz",
            "database_out=file:@@{DBDIR}/aide.db.new.gz",
            "report_url=file:@@{LOGDIR}/aide.log",
            "report_url=stdout",
            "gzip_dbout=yes",
            "CONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs",
            "",
            "# comment about /etc",
            "/boot/   CONTENT_EX",
            "/hostroot/root/   CONTENT_EX",
            "!/var/log/.*",
            "!/hostroot/etc/mtab$",
            "=/usr/bin CONTENT_EX",
            "  /indented CONTENT_EX",
            "database_in=file:/var/lib/aide/aide.db.gz",
            "");

    private static final String EXPECTED = String.join("\n",
            "@@define DBDIR /hostroot/etc/kubernetes",
            "@@define LOGDIR /hostroot/etc/kubernetes",
            "database=file:@@{DBDIR}/aide.db.gz",
            "database_out=file:@@{DBDIR}/aide.db.gz.new",
            "report_url=file:@@{LOGDIR}/aide.log.new",
            "report_url=stdout",
            "gzip_dbout=yes",
            "CONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs",
            "",
            "# comment about /etc",
            "/hostroot/boot/   CONTENT_EX",
            "/hostroot/root/   CONTENT_EX",
            "!/hostroot/var/log/.*",
            "!/hostroot/etc/mtab$",
            "=/usr/bin CONTENT_EX",
            "  /indented CONTENT_EX",
            "database_in=file:/var/lib/aide/aide.db.gz",
            "");

    @Test
    void userConfigIsConvertedByteForByteWithFioRules() {
        assertEquals(EXPECTED, AideConfConverter.convert(USER_CONF));
        assertEquals(EXPECTED.getBytes(StandardCharsets.UTF_8).length,
                AideConfConverter.convert(USER_CONF).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void conversionIsIdempotent() {
        String once = AideConfConverter.convert(USER_CONF);
        assertEquals(once, AideConfConverter.convert(once));
    }

    @Test
    void defaultConfigIsAFixedPoint() {
        assertEquals(DefaultAideConf.text(), AideConfConverter.convert(DefaultAideConf.text()));
    }

    @Test
    void lineCountAndLeadingAndTrailingNewlinesSurvive() {
        assertEquals("\n/hostroot/a\n\n", AideConfConverter.convert("\n/a\n\n"));
        assertEquals("", AideConfConverter.convert(""));
    }

    @Test
    void fioQuirksAreKept() {
        // FIO takes "@@define DBDIRX" as DBDIR and "/hostrootfoo" as already converted (fio-operator.md §7.1).
        assertEquals("@@define DBDIR /hostroot/etc/kubernetes", AideConfConverter.convertLine("@@define DBDIRX /x"));
        assertEquals("/hostrootfoo", AideConfConverter.convertLine("/hostrootfoo"));
        assertEquals("\t/tab", AideConfConverter.convertLine("\t/tab"));
    }

    @Test
    void windowsLineEndingsAreNotTrimmed() {
        assertEquals("/hostroot/etc\r\n!/hostroot/x\r", AideConfConverter.convert("/etc\r\n!/x\r"));
    }
}
