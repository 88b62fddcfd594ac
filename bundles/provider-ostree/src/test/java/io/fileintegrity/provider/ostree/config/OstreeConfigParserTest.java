package io.fileintegrity.provider.ostree.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.provider.ostree.verify.EtcPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OstreeConfigParserTest {

    private static OstreeConfigParser.Parsed parse(String text) {
        return OstreeConfigParser.parse(new ProviderConfig("cm/ostree:conf", text));
    }

    private static String problems(String text) {
        return parse(text).problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void emptyTextGivesTheDefaults() {
        OstreeConfigParser.Parsed parsed = parse("");
        assertEquals(List.of(), parsed.problems());
        assertEquals(OstreeConfig.DEFAULTS, parsed.config());
        assertEquals(OstreeConfig.DEFAULTS, parse("# only a comment\n\n   \n").config());
    }

    @Test
    void everyKeywordIsRead() {
        OstreeConfig config = parse("""
                path /usr /boot/   # two roots
                path /opt
                ignore /usr/share/doc/** /usr/lib/*.cache
                etc report
                owner ignore
                xattrs ignore
                rotate 7
                repo /srv/repo
                commit fio/fixture/x86_64
                tree /srv/tree
                """).config();
        assertEquals(List.of("/usr", "/boot", "/opt"), config.policy().roots());
        assertEquals(List.of("/usr/share/doc/**", "/usr/lib/*.cache"), config.policy().ignore());
        assertEquals(EtcPolicy.REPORT, config.policy().etc());
        assertEquals(false, config.policy().checkOwner());
        assertEquals(false, config.policy().checkXattrs());
        assertEquals(7, config.rotate());
        assertEquals(1, OstreeConfig.DEFAULTS.rotate());
        assertEquals("cm/ostree:conf:1: rotate must be a number of checks from 1 to 9999, not '0'", problems("rotate 0"));
        assertEquals(new OstreeConfig.ExplicitTarget("/srv/repo", "fio/fixture/x86_64", "/srv/tree"),
                config.explicit().orElseThrow());
    }

    @Test
    void problemsNameTheirLines() {
        assertEquals("""
                cm/ostree:conf:1: unknown keyword 'paths' (known: path, ignore, etc, owner, xattrs, rotate, sysroot, repo, commit, tree)
                cm/ostree:conf:2: etc must be ignore, info or report, not 'warn'
                cm/ostree:conf:3: path must be an absolute path without '..': 'usr'
                cm/ostree:conf:4: 'ignore' needs a value
                cm/ostree:conf:5: invalid ignore pattern '/usr/{a': Missing '} near index 6
                cm/ostree:conf:7: 'etc' is already set on line 6
                cm/ostree:conf:8: 'owner' takes one value, found 2
                cm/ostree:conf:9: path must be an absolute path without '..': '/usr/../etc'""",
                problems("paths /usr\netc warn\npath usr\nignore\nignore /usr/{a\netc info\netc report\n"
                        + "owner check ignore\npath /usr/../etc\n"));
    }

    @Test
    void explicitTargetNeedsAllThreeAndNoSysroot() {
        assertEquals("cm/ostree:conf: repo, commit and tree go together; missing: commit, tree",
                problems("repo /srv/repo\n"));
        assertEquals("cm/ostree:conf:1: sysroot cannot be combined with repo/commit/tree",
                problems("sysroot /sysroot\nrepo /r\ncommit abc\ntree /t\n"));
        assertEquals("cm/ostree:conf:1: commit must be a checksum or a ref, not 'a..b'", problems("commit a..b\n")
                .lines().findFirst().orElseThrow());
    }
}
