package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FipsHashPolicyTest {

    private static final String CONFIG = "Legacy = p+md5+sha1\n/etc Legacy\n/bin p+sha256\n/boot R+rmd160+tiger+sha512\n"
            + "database_attrs=sha256+whirlpool\n/usr p+gost+haval+crc32+crc32b+stribog256\n";

    @Test
    void ruleWithNonApprovedHashIsAnErrorNamingAlgorithmAndAlternatives() {
        ParseOutcome o = AideConfigParser.parse(ConfigSource.ofText("aide.conf", CONFIG), ParseOptions.defaults());
        assertEquals(List.of(2, 4, 5, 6), o.problems().stream().map(ConfigProblem::line).toList());
        assertEquals(17, o.exitCode());
        ConfigProblem first = o.problems().get(0);
        assertEquals("'/etc' uses hash algorithm(s) not approved for FIPS mode: md5, sha1; use sha256, sha512, "
                + "sha512_256, sha3_256, sha3_512 instead (or allow dropping non-approved hashes)", first.message());
        assertTrue(o.problems().get(3).message().contains("crc32, haval, gost, crc32b, stribog256"),
                o.problems().get(3).message());
    }

    @Test
    void optInDropsNonApprovedHashesAndListsEveryAffectedLine() {
        ParseOutcome o = AideConfigParser.parse(ConfigSource.ofText("aide.conf", CONFIG),
                ParseOptions.defaults().withDropNonApprovedHashes(true));
        assertEquals(List.of(), o.problems());
        AideConfig c = o.config();
        assertEquals(List.of(
                new DroppedHash("aide.conf", 2, "/etc", AttributeSet.of(Attribute.MD5, Attribute.SHA1)),
                new DroppedHash("aide.conf", 4, "/boot", AttributeSet.of(Attribute.RMD160, Attribute.TIGER)),
                new DroppedHash("aide.conf", 5, "database_attrs", AttributeSet.of(Attribute.WHIRLPOOL)),
                new DroppedHash("aide.conf", 6, "/usr", AttributeSet.of(Attribute.CRC32, Attribute.HAVAL,
                        Attribute.GOST, Attribute.CRC32B, Attribute.STRIBOG256))), c.droppedHashes());
        assertEquals(AttributeSet.of(Attribute.PERM), c.rules().get(0).attributes());
        assertEquals(AttributeSet.of(Attribute.SHA256), c.databaseAttrs());
        assertTrue(c.rules().stream().allMatch(r -> r.attributes().nonApprovedHashes().isEmpty()));
    }

    @Test
    void approvedHashesIncludingSha3ExtensionNamesAreAccepted() {
        ParseOutcome o = AideConfigParser.parse(ConfigSource.ofText("aide.conf",
                "/a sha256+sha512+sha512_256+sha3_256+sha3_512\n/b H\n"), ParseOptions.defaults());
        assertEquals(List.of(), o.problems());
        assertEquals(AttributeSet.FIPS_APPROVED_HASHES, o.config().rules().get(0).attributes());
    }

    @Test
    void nonApprovedHashInUnusedGroupOrReportOptionIsNoError() {
        ParseOutcome o = AideConfigParser.parse(ConfigSource.ofText("aide.conf",
                "Old = md5\nreport_ignore_changed_attrs=md5\n/a p\n"), ParseOptions.defaults());
        assertEquals(List.of(), o.problems());
    }
}
