package io.fileintegrity.provider.ostree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ostree.testing.OstreeFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OstreeSubcommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new OstreeSubcommand().run(new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                temp, false, Map.of()));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitCodes() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: fio ostree verify --sysroot DIR"), usage);
        assertTrue(usage.contains("18  the sysroot, repository"), usage);
    }

    @Test
    void usageErrorsExitFifteen() {
        assertEquals(15, run("verify", "--bogus", "x"));
        assertEquals(15, run("verify", "--sysroot", "/", "--repo", "r"));
        assertEquals(15, run("verify", "--repo", "r"));
        assertEquals(15, run("verify", "--sysroot"));
        assertEquals(15, run("verify", "--sysroot", "/", "--threads", "0"));
        assertEquals(15, run("check"));
        assertTrue(err().contains("fio ostree: unknown option --bogus"), err());
    }

    @Test
    void configErrorsExitSeventeenWithFileAndLine() throws Exception {
        Files.writeString(temp.resolve("ostree.conf"), "# policy\netc loud\n");
        assertEquals(17, run("verify", "--sysroot", "/", "--config", "ostree.conf"));
        assertEquals("fio ostree: ostree.conf + command line:2: etc must be ignore, info or report, not 'loud'\n", err());
    }

    @Test
    void cleanCheckoutExitsZeroAndTamperingSetsBits() throws Exception {
        Path fixture = temp.resolve("fixture");
        OstreeFixture.makeRepo(fixture, "bare-user", false);
        String[] args = {"verify", "--repo", "fixture/repo", "--commit", OstreeFixture.REF, "--tree", "fixture/checkout"};
        assertEquals(0, run(args), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Result: the tree matches the commit."));
        Files.writeString(fixture.resolve("checkout/usr/bin/new"), "x");
        assertEquals(1, run(args));
        Files.delete(fixture.resolve("checkout/usr/share/doc/fio/README"));
        assertEquals(3, run(args));
        Files.setAttribute(fixture.resolve("checkout/usr/bin/hello"), "unix:mode", 0700);
        assertEquals(7, run(args));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  mode      0755 -> 0700"), out.toString());
    }

    @Test
    void fsckListsCorruptObjectsLikeOstreeFsck() throws Exception {
        Path fixture = temp.resolve("fixture");
        OstreeFixture.makeRepo(fixture, "archive", false);
        assertEquals(0, run("fsck", "--repo", "fixture/repo"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith(" objects checked in " + fixture.resolve("repo")
                + " (archive), 0 corrupt\n"), out.toString());
        Path object = fixture.resolve("repo/objects/e9/07c91fa89aec25e333cbc546cf4dce74c0c3ab4607e6021aaf910ed9b0f3e1.filez");
        byte[] bytes = Files.readAllBytes(object);
        Files.write(object, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertEquals(1, run("fsck", "--repo", "fixture/repo"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(object + ": "), out.toString());
        assertEquals(1, OstreeFixture.ostreeAllowingFailure("--repo=" + fixture.resolve("repo"), "fsck").exitCode());
        assertEquals(15, run("fsck"));
        assertEquals(18, run("fsck", "--repo", "nowhere"));
    }

    @Test
    void unreadableTargetsExitEighteen() {
        assertEquals(18, run("verify", "--sysroot", "nowhere"));
        assertTrue(err().startsWith("fio ostree: not an OSTree sysroot: " + temp.resolve("nowhere")), err());
    }
}
