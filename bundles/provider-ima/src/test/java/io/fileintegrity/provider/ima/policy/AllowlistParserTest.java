package io.fileintegrity.provider.ima.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.ima.SharedFixtures;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class AllowlistParserTest {

    @Test
    void readsKeylimesShortAllowlistWithKeyringAndPrefixedBootAggregate() throws Exception {
        RuntimePolicy policy = AllowlistParser.parseAny("short.txt",
                Files.readString(SharedFixtures.ima("keylime-ima-allowlist-short.txt"))).policy().orElseThrow();
        assertEquals(21, policy.digests().size());
        assertTrue(policy.digests().get("boot_aggregate")
                .contains("4309217e9709def327c3409407f4d52907aeba46ef1b4f46529fd095f2ef9fb2"));
        assertTrue(policy.keyrings().get(".ima")
                .contains("a7d52aaa18c23d2d9bb2abb4308c0eeee67387a42259f4a6b1a42257065f3d5a"));
    }

    @Test
    void keepsPathsAsWrittenAndMapsSpacesToUnderscoresLikeKeylime() {
        RuntimePolicy policy = AllowlistParser.parseAny("a", "96d7fae8adb7286a419a88f78c13d35fb782d63df654b7db56f154765698b754  data\n"
                + "96d7fae8adb7286a419a88f78c13d35fb782d63df654b7db56f154765698b754 /with space\n").policy().orElseThrow();
        assertTrue(policy.digests().containsKey("data"));
        assertTrue(policy.digests().containsKey("/with_space"));
    }

    @Test
    void excludeLinesAndAnExcludeListAddRegexes() {
        RuntimePolicy policy = AllowlistParser.parse("a", "%exclude:^/var/\n", "ex", "^/tmp/\n\n").policy().orElseThrow();
        assertTrue(policy.excluded("/var/x"));
        assertTrue(policy.excluded("/tmp/x"));
    }

    @Test
    void badLinesAreProblemsWithTheirLineNumbers() {
        var problems = AllowlistParser.parse("a", "# comment\nnot-hex /x\n", "ex", "[\n").problems();
        assertEquals(2, problems.size());
        assertEquals("a:2: expected '<hex digest> <path>', the digest bare lower-case hex of 40 to 128 digits",
                problems.get(0).toString());
        assertTrue(problems.get(1).toString().startsWith("ex:1: not a valid regex: Unclosed character class"));
    }
}
