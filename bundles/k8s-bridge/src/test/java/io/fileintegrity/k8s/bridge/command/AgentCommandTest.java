package io.fileintegrity.k8s.bridge.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.cli.CommandInvocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandInvocation invocation(Map<String, String> env, String... args) {
        return new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("."), false, env);
    }

    @Test
    void missingNodeNameIsAUsageError() {
        RecordingConfigurationAdmin configAdmin = new RecordingConfigurationAdmin();
        int code = new AgentCommand(configAdmin.proxy()).run(invocation(Map.of(), "--name=fi", "--namespace=ns"));
        assertEquals(64, code);
        assertEquals("fio agent: --nodeName is required; see 'fio agent --help'\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), configAdmin.updates);
    }

    @Test
    void aNegativeCpuCapIsAUsageErrorAndNothingIsConfigured() {
        RecordingConfigurationAdmin configAdmin = new RecordingConfigurationAdmin();
        int code = new AgentCommand(configAdmin.proxy()).run(invocation(Map.of("NODE_NAME", "worker-1"), "--name=fi",
                "--namespace=ns", "--maxCpuPercent=-5"));
        assertEquals(64, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("option '--maxCpuPercent' must be 0 or more, not -5"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), configAdmin.updates);
    }

    @Test
    void argumentsAndEnvironmentBecomeTheAgentConfigurationUntilStopped() throws Exception {
        RecordingConfigurationAdmin configAdmin = new RecordingConfigurationAdmin();
        AgentCommand command = new AgentCommand(configAdmin.proxy());
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> command.run(
                invocation(Map.of("NODE_NAME", "worker-1", "POD_NAMESPACE", "fio"), "--name=example", "--interval=20",
                        "--maxCpuPercent=30")));
        configAdmin.awaitUpdate();
        Dictionary<String, Object> stored = configAdmin.updates.get(0);
        assertEquals("io.fileintegrity.k8s.agent", configAdmin.pids.get(0));
        assertEquals("example", stored.get("name"));
        assertEquals("fio", stored.get("namespace"));
        assertEquals("worker-1", stored.get("nodeName"));
        assertEquals(20L, stored.get("interval"));
        assertEquals(30, stored.get("maxCpuPercent"));
        command.deactivate();
        assertEquals(0, code.get(10, TimeUnit.SECONDS));
    }
}
