package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIO's default policies (both variants) and a RHEL-style policy, read by us and by AIDE. */
class RealWorldConfigTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/config/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void fioDefault018ParsesCleanlyAndIsFipsSafe() throws IOException {
        Path file = resource("fio-default-0.18.conf");
        ParseOutcome o = AideConfigParser.parse(file, ParseOptions.defaults());
        assertEquals(List.of(), o.problems());
        assertEquals(List.of(), o.warnings());
        assertEquals(0, AideOracle.configCheck(file).exitCode());
        AideConfig c = o.config();
        assertEquals(29, c.rules().size());
        assertEquals("/hostroot/etc/kubernetes/aide.db.gz", c.databaseIn().orElseThrow().value());
        assertEquals("/hostroot/etc/kubernetes/aide.db.gz.new", c.databaseOut().orElseThrow().value());
        assertTrue(c.gzipDbout());
        assertEquals(2, c.reportUrls().size());
        assertEquals("p+u+g+n+acl+sha512+selinux+xattrs+ftype", c.groups().get("CONTENTEX").toConfigExpression());
        assertEquals(List.of(), c.droppedHashes());
    }

    @Test
    void fioDefault016FailsOnVerboseLikeAide018() throws IOException {
        Path file = resource("fio-default-0.16.conf");
        ParseOutcome o = AideConfigParser.parse(file, ParseOptions.defaults());
        assertEquals(List.of(6), o.problems().stream().map(ConfigProblem::line).toList());
        assertTrue(o.problems().get(0).message().contains("'verbose' option is no longer supported"));
        assertEquals(AideOracle.configCheck(file).exitCode(), o.exitCode());
        assertTrue(o.warnings().stream().anyMatch(w -> w.message().contains("'database' is DEPRECATED")));
    }

    @Test
    void fioDefaultSelectsHostPathsLikeAide() throws IOException {
        Path file = resource("fio-default-0.18.conf");
        SelectionMatcher matcher = SelectionMatcher.of(AideConfigParser.parse(file, ParseOptions.defaults()).config());
        String[] queries = {"d:/hostroot", "d:/hostroot/etc", "f:/hostroot/etc/passwd", "f:/hostroot/etc/mtab",
            "f:/hostroot/etc/mtabx", "f:/hostroot/etc/hosts~", "d:/hostroot/etc/kubernetes/static-pod-resources",
            "f:/hostroot/etc/kubernetes/static-pod-resources/a/b", "f:/hostroot/etc/kubernetes/aide.db.gz",
            "f:/hostroot/etc/kubernetes/cni/net.d/10-ovn.conf", "f:/hostroot/root/.bashrc", "d:/hostroot/root/.kube",
            "f:/hostroot/root/.kube/config", "f:/hostroot/root/notes", "f:/hostroot/boot/vmlinuz",
            "f:/hostroot/var/log/messages", "f:/hostroot/usr/bin/ls", "d:/hostroot/usr", "f:/hostroot/opt/x",
            "f:/hostroot/etc/machine-config-daemon/node-annotation.json.bak", "f:/etc/passwd"};
        List<String> mismatches = new ArrayList<>();
        for (String q : queries) {
            FileType type = FileType.fromLetter(q.charAt(0)).orElseThrow();
            String path = q.substring(2);
            AideOracle.Run aide = AideOracle.pathCheck(file, type, path);
            Match ours = matcher.match(path, type);
            String expected = aide.exitCode() + " " + aide.stdout().strip();
            String actual = ours.pathCheckExitCode() + " " + ours.describe(path, type, null);
            if (!expected.equals(actual)) {
                mismatches.add("\n aide: " + expected + "\n ours: " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void rootPrefixIsRemovedBeforeMatching() {
        ParseOutcome o = AideConfigParser.parse(ConfigSource.ofText("aide.conf",
                "root_prefix=/hostroot/\n/etc/ p+sha512\n!/etc/mtab$\n"), ParseOptions.defaults());
        SelectionMatcher m = SelectionMatcher.of(o.config());
        assertEquals("/etc/passwd", m.toRulePath("/hostroot/etc/passwd"));
        assertEquals("/", m.toRulePath("/hostroot"));
        assertTrue(m.match(m.toRulePath("/hostroot/etc/passwd"), FileType.REGULAR).selected());
        assertEquals(Match.Result.NONE, m.match(m.toRulePath("/hostroot/etc/mtab"), FileType.REGULAR).result());
    }

    @Test
    void rhelStylePolicyParsesCleanlyWithUnusedLegacyHashGroups() throws IOException {
        Path file = resource("rhel-style.conf");
        ParseOutcome o = AideConfigParser.parse(file, ParseOptions.defaults());
        assertEquals(List.of(), o.problems());
        assertEquals(0, AideOracle.configCheck(file).exitCode());
        assertEquals("p+u+g+s+c+m+i+n+acl+sha256+sha512+selinux+xattrs",
                o.config().groups().get("NORMAL").toConfigExpression());
        assertEquals(69, o.config().rules().size());
    }

    @Test
    void rhelStylePolicyUsingEverythingNeedsTheDropOptIn() throws IOException {
        Path file = resource("rhel-style.conf");
        Files.writeString(file, "/srv EVERYTHING\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        ParseOutcome strict = AideConfigParser.parse(file, ParseOptions.defaults());
        assertEquals(1, strict.problems().size());
        assertTrue(strict.problems().get(0).message().contains("sha1, rmd160, tiger"), strict.problems().toString());
        ParseOutcome dropping = AideConfigParser.parse(file, ParseOptions.defaults().withDropNonApprovedHashes(true));
        assertEquals(List.of(), dropping.problems());
        DroppedHash dropped = dropping.config().droppedHashes().get(0);
        assertEquals("/srv", dropped.where());
        assertEquals(strict.problems().get(0).line(), dropped.line());
    }
}
