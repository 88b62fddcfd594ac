package io.fileintegrity.provider.ima.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.provider.ima.SharedFixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimePolicyParserTest {

    static final String MINIMAL = "{\"meta\": {\"version\": 1}, \"release\": 0, \"digests\": {%s}, \"excludes\": [%s],"
            + " \"keyrings\": {}, \"ima\": {\"ignored_keyrings\": [], \"log_hash_alg\": \"sha1\", \"dm_policy\": null},"
            + " \"ima-buf\": {}, \"verification-keys\": \"\"}";

    @Test
    void readsKeylimesSimplePolicy() throws Exception {
        RuntimePolicy policy = RuntimePolicyParser.parse("simple.json",
                Files.readString(SharedFixtures.ima("keylime-runtime-policy-simple.json"))).policy().orElseThrow();
        assertEquals(7, policy.digests().size());
        assertTrue(policy.digests().get("/usr/bin/foobar-bin")
                .contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertFalse(policy.excluded("/usr/bin/foobar-bin"));
    }

    @Test
    void rejectsKeylimesOlderPolicyWithAPrefixedDigestAsKeylimesSchemaDoes() throws Exception {
        List<ConfigProblem> problems = RuntimePolicyParser.parse("test.json",
                Files.readString(SharedFixtures.ima("keylime-runtime-policy-test.json"))).problems();
        assertEquals(1, problems.size());
        assertEquals("test.json: digests[\"boot_aggregate\"][0] \"sha256:4309217e9709def327c3409407f4d5290...\""
                + " is not a bare lower-case hex digest of 40 to 128 digits", problems.get(0).toString());
    }

    @Test
    void excludesArePythonRegexesMatchedAtTheStart() {
        RuntimePolicy policy = RuntimePolicyParser.parse("p", String.format(MINIMAL, "",
                "\"/tmp/\", \"(?P<d>/var/log)/.*\\\\.log\"")).policy().orElseThrow();
        assertTrue(policy.excluded("/tmp/x"));
        assertFalse(policy.excluded("/root/tmp/x"));
        assertTrue(policy.excluded("/var/log/a.log"));
    }

    @Test
    void reportsEveryProblemNamingTheMember() {
        String text = "{\"meta\": {\"version\": 2}, \"digests\": {\"/a\": \"abc\"}, \"excludes\": [\"(\"],"
                + " \"ima\": {\"dm_policy\": {}, \"log_hash_alg\": \"md5\"}, \"verification-keys\": \"\"}";
        List<String> problems = RuntimePolicyParser.parse("p", text).problems().stream()
                .map(ConfigProblem::message).toList();
        assertEquals(List.of(
                "missing member \"release\"", "missing member \"keyrings\"", "missing member \"ima-buf\"",
                "meta.version 2 is not supported (only 1)", "digests[\"/a\"] must be a list of strings",
                "excludes[0] is not a valid regex: Unclosed group",
                "ima.log_hash_alg must be one of sha1, sha256, sha384, sha512",
                "ima.dm_policy (device-mapper validation) is not supported; set it to null"), problems);
    }

    @Test
    void syntaxErrorsCarryTheLine() {
        ConfigProblem problem = RuntimePolicyParser.parse("cm/ima:policy", "{\n\"meta\": }").problems().get(0);
        assertEquals(2, problem.line());
        assertEquals("cm/ima:policy:2: JSON line 2 column 9: unexpected '}'", problem.toString());
    }

    @Test
    void signedEnvelopesAreRefusedWithAnExplanation() {
        assertEquals("signed policies (DSSE envelopes) are not supported: give the decoded payload",
                RuntimePolicyParser.parse("p", "{\"payload\": \"\", \"signatures\": []}").problems().get(0).message());
    }
}
