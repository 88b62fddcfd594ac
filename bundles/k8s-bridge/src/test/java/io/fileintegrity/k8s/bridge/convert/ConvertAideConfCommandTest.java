package io.fileintegrity.k8s.bridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.cli.CommandInvocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvertAideConfCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        CommandInvocation invocation = new CommandInvocation(List.of(args),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Path.of("."), false, Map.of());
        return new ConvertAideConfCommand().run(invocation);
    }

    @Test
    void convertsStandardInputToStandardOutput() {
        assertEquals(0, run("/etc CONTENT_EX\n!/var"));
        assertEquals("/hostroot/etc CONTENT_EX\n!/hostroot/var", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void defaultOptionPrintsTheDefaultConfiguration() {
        assertEquals(0, run("", "--default"));
        assertEquals(DefaultAideConf.text(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownArgumentIsExitCodeTwoWithUsage() {
        assertEquals(2, run("", "--bogus"));
        assertEquals("convert-aide-conf: unexpected argument --bogus\n" + ConvertAideConfCommand.USAGE + "\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
