package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @@include}/{@code @@x_include} against real files; each verdict is also checked with real AIDE. */
class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Path script(String name, String body) throws IOException {
        Path p = write(name, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** Parses with relative paths resolved in {@code dir}, and checks AIDE (run in {@code dir}) agrees. */
    private ParseOutcome parseLikeAide(Path config) throws IOException {
        ConfigSource source = new ConfigSource(config.toString(), Files.readString(config),
                new FileSystemConfigFiles(dir, Duration.ofSeconds(20)));
        ParseOutcome ours = AideConfigParser.parse(source, ParseOptions.defaults());
        AideOracle.Run aide = AideOracle.configCheck(config);
        assertEquals(aide.exitCode(), ours.exitCode(), () -> "aide: " + aide.stderr() + "\nours: " + ours.problems());
        return ours;
    }

    @Test
    void directoryIncludeReadsMatchingRegularFilesInByteOrderWithNestedPrefixes() throws IOException {
        write("d/b.conf", "/b p\n");
        write("d/A.conf", "/a p\n@@include " + dir + "/n ^x /inner/\n");
        write("d/skip.txt", "/never p\n");
        Files.createDirectories(dir.resolve("d/sub.conf"));
        write("n/x1", "/x u\n");
        Path main = write("main.conf", "@@include " + dir + "/d \\.conf$ /outer\n/last p\n");
        ParseOutcome o = parseLikeAide(main);
        assertEquals(List.of("/outer/a", "/outer/inner/x", "/outer/b", "/last"),
                o.config().rules().stream().map(Rule::regex).toList());
        Rule nested = o.config().rules().get(1);
        assertEquals(dir + "/n/x1", nested.source());
        assertEquals("/outer/inner", nested.prefix());
    }

    @Test
    void missingIncludeFileAndDirectoryAreErrorsOnTheIncludeLine() throws IOException {
        Path main = write("main.conf", "/a p\n@@include " + dir + "/nope.conf\n");
        ParseOutcome o = parseLikeAide(main);
        assertEquals(2, o.problems().get(0).line());
        assertTrue(o.problems().get(0).message().contains("nope.conf"));
        Path main2 = write("main2.conf", "@@include " + dir + "/nodir ^x\n");
        assertEquals(1, parseLikeAide(main2).problems().get(0).line());
    }

    @Test
    void syntaxErrorInIncludedFileNamesThatFileAndLine() throws IOException {
        write("inc.conf", "/ok p\n/bad p # comment\n");
        ParseOutcome o = parseLikeAide(write("main.conf", "@@include " + dir + "/inc.conf\n"));
        assertEquals(dir + "/inc.conf:2: unexpected character: '#'", o.problems().get(0).toString());
    }

    @Test
    void includeLoopIsReportedBeforeTheDepthLimit() throws IOException {
        write("a.conf", "/a p\n@@include " + dir + "/b.conf\n");
        write("b.conf", "@@include " + dir + "/a.conf\n");
        ParseOutcome o = parseLikeAide(write("main.conf", "@@include " + dir + "/a.conf\n"));
        assertEquals(1, o.problems().size());
        assertTrue(o.problems().get(0).message().contains("include loop"), o.problems().get(0).message());
        assertEquals(dir + "/b.conf", o.problems().get(0).source());
    }

    @Test
    void nestingDeeperThanSixteenIsAnError() throws IOException {
        for (int i = 0; i < 20; i++) {
            write("n" + i + ".conf", "/r" + i + " p\n@@include " + dir + "/n" + (i + 1) + ".conf\n");
        }
        write("n20.conf", "/end p\n");
        ParseOutcome o = parseLikeAide(write("main.conf", "@@include " + dir + "/n0.conf\n"));
        assertEquals(1, o.problems().size());
        assertEquals("include files are nested too deeply", o.problems().get(0).message());
    }

    @Test
    void executableIsRunAndItsOutputParsedWithSetenvVariables() throws IOException {
        script("x.d/10_gen", "echo \"/from/$GREETING p\"\n");
        write("x.d/20_plain", "/plain u\n");
        Path main = write("main.conf", "@@x_include_setenv GREETING hello\n@@x_include " + dir + "/x.d ^[0-9]+_\n");
        ParseOutcome o = parseLikeAide(main);
        assertEquals(List.of(), o.problems());
        assertEquals(List.of("/from/hello", "/plain"), o.config().rules().stream().map(Rule::regex).toList());
        assertEquals(dir + "/x.d/10_gen (stdout)", o.config().rules().get(0).source());
    }

    @Test
    void failingOrChattyExecutableIsAnExecError() throws IOException {
        script("f.d/10_fail", "echo '/x p'\nexit 3\n");
        ParseOutcome o = parseLikeAide(write("main.conf", "@@x_include " + dir + "/f.d ^10\n"));
        assertEquals(20, o.exitCode());
        script("s.d/10_noisy", "echo oops >&2\n");
        assertEquals(20, parseLikeAide(write("main2.conf", "@@x_include " + dir + "/s.d ^10\n")).exitCode());
    }

    @Test
    void groupWritableExecutableIsRefused() throws IOException {
        Path p = script("w.d/10_gen", "echo '/x p'\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxr-x"));
        ParseOutcome o = parseLikeAide(write("main.conf", "@@x_include " + dir + "/w.d ^10\n"));
        assertTrue(o.problems().get(0).message().contains("bad ownership or modes"), o.problems().toString());
    }

    @Test
    void configMapKeysServeIncludesAndExistsChecks() {
        MapConfigFiles files = new MapConfigFiles(Map.of("/cfg/rules.d/01", "/one p\n", "/cfg/rules.d/02", "/two p\n",
                "/cfg/extra.conf", "/extra p\n"));
        String text = "@@include /cfg/rules.d ^0\n@@if exists /cfg/extra.conf\n@@include /cfg/extra.conf\n@@endif\n";
        ParseOutcome o = AideConfigParser.parse(new ConfigSource("configmap:aide.conf", text, files),
                ParseOptions.defaults());
        assertEquals(List.of(), o.problems());
        assertEquals(List.of("/one", "/two", "/extra"), o.config().rules().stream().map(Rule::regex).toList());
        ParseOutcome missing = AideConfigParser.parse(ConfigSource.ofText("cm", "@@include /etc/x.conf\n"),
                ParseOptions.defaults());
        assertEquals("cm:1: '@@include': cannot include '/etc/x.conf': No such file or directory",
                missing.problems().get(0).toString());
    }
}
