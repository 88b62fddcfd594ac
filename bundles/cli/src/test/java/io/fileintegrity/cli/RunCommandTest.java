package io.fileintegrity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.cli.CommandInvocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

class RunCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A command whose configuration admin fails the test when touched: bad arguments must not create a target. */
    private static RunCommand command() {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(RunCommandTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        && "fio.home".equals(args[0]) ? "/opt/fio" : null);
        ConfigurationAdmin configAdmin = (ConfigurationAdmin) Proxy.newProxyInstance(RunCommandTest.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    throw new AssertionError("no target may be configured, but " + method.getName() + " was called");
                });
        return new RunCommand(configAdmin, context);
    }

    private int run(String... args) {
        return command().run(new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Path.of("/work"), false, Map.of()));
    }

    @Test
    void badMaxCpuPercentExits64WithTheProblemOnStandardError() {
        assertEquals(64, run("--maxCpuPercent=150"));
        assertEquals("fio run: --maxCpuPercent must be 1 to 100 (percent of one core), got 150; see 'fio run --help'",
                err.toString(StandardCharsets.UTF_8).trim());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesMaxCpuPercent() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("--maxCpuPercent PERCENT, --max-cpu-percent PERCENT"), help);
        assertTrue(help.contains("1 to 100 percent of one core"), help);
    }

    @Test
    void maxCpuPercentIsPassedToTheTargetConfiguration() {
        RunOptions options = RunOptions.parse(List.of("--maxCpuPercent=25", "--interval=60"), Path.of("/opt/fio"),
                Path.of("/work"));
        Dictionary<String, Object> target = RunCommand.targetProperties(options, Path.of("/work/aide.conf"));
        assertEquals(25, target.get("maxCpuPercent"));
        assertEquals(60L, target.get("intervalSeconds"));
        assertEquals("/work/aide.conf", target.get("configFile"));
    }

    @Test
    void withoutTheOptionTheTargetHasNoCap() {
        RunOptions options = RunOptions.parse(List.of(), Path.of("/opt/fio"), Path.of("/work"));
        assertEquals(0, RunCommand.targetProperties(options, Path.of("/c")).get("maxCpuPercent"));
    }

    @Test
    void providerParametersArePassedToTheTargetConfiguration() {
        RunOptions options = RunOptions.parse(List.of("--parameter", "aide.hash.provider=jdk"), Path.of("/opt/fio"),
                Path.of("/work"));
        Object parameters = RunCommand.targetProperties(options, Path.of("/c")).get("parameters");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"aide.hash.provider=jdk"}, (String[]) parameters);
    }
}
