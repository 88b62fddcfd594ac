package io.fileintegrity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    private static final Path HOME = Path.of("/opt/fio");
    private static final Path CWD = Path.of("/work");

    private static RunOptions parse(String... args) {
        return RunOptions.parse(List.of(args), HOME, CWD);
    }

    private static String rejected(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void withoutOptionsThereIsNoCpuCapAndTheDefaultsApply() {
        assertEquals(new RunOptions("aide", null, Path.of("/opt/fio/var/standalone"), Path.of("/"), 900, 0, List.of()), parse());
    }

    @Test
    void providerParametersRepeatAndKeepEqualsSignsInValues() {
        assertEquals(List.of("aide.hash.provider=jdk", "x=a=b"),
                parse("--parameter", "aide.hash.provider=jdk", "--parameter=x=a=b").parameters());
    }

    @Test
    void aParameterWithoutNameOrEqualsOrWithAReservedNameIsRejected() {
        for (String bad : new String[] {"jdk", "=jdk", "fio.maxBackups=0"}) {
            String message = rejected("--parameter", bad);
            org.junit.jupiter.api.Assertions.assertTrue(message.contains("NAME=VALUE"), message);
        }
    }

    @Test
    void maxCpuPercentIsTakenInEverySpelling() {
        assertEquals(30, parse("--maxCpuPercent=30").maxCpuPercent());
        assertEquals(1, parse("--maxCpuPercent", "1").maxCpuPercent());
        assertEquals(100, parse("--max-cpu-percent", "100").maxCpuPercent());
        assertEquals(55, parse("--max-cpu-percent=55", "--interval=60").maxCpuPercent());
        assertEquals(60, parse("--max-cpu-percent=55", "--interval=60").intervalSeconds());
    }

    @Test
    void maxCpuPercentOutsideOneToHundredIsRejectedWithTheValue() {
        assertEquals("--maxCpuPercent must be 1 to 100 (percent of one core), got 0", rejected("--maxCpuPercent=0"));
        assertEquals("--maxCpuPercent must be 1 to 100 (percent of one core), got 101", rejected("--maxCpuPercent", "101"));
        assertEquals("--max-cpu-percent must be 1 to 100 (percent of one core), got -5", rejected("--max-cpu-percent=-5"));
    }

    @Test
    void maxCpuPercentThatIsNotAWholeNumberOrMissingIsRejected() {
        assertEquals("--maxCpuPercent needs a whole number of percent from 1 to 100, got '30%'",
                rejected("--maxCpuPercent=30%"));
        assertEquals("--maxCpuPercent needs a whole number of percent from 1 to 100, got '12.5'",
                rejected("--maxCpuPercent", "12.5"));
        assertEquals("--maxCpuPercent needs a value", rejected("--maxCpuPercent"));
        assertEquals("--maxCpuPercent needs a value", rejected("--maxCpuPercent="));
    }

    @Test
    void inlineValuesWorkForTheOtherOptionsAndUnknownOnesAreNamed() {
        RunOptions options = parse("--provider=ostree", "--state=s", "--host-root=/hostroot", "--config", "a=b.conf");
        assertEquals("ostree", options.provider());
        assertEquals(Path.of("/work/s"), options.state());
        assertEquals(Path.of("/hostroot"), options.hostRoot());
        assertEquals(Path.of("/work/a=b.conf"), options.config());
        assertEquals("unknown argument '--cpu=3'", rejected("--cpu=3"));
    }
}
