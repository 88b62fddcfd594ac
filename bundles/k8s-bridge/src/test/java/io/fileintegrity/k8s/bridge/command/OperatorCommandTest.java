package io.fileintegrity.k8s.bridge.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

class OperatorCommandTest {

    private static CommandInvocation invocation(String... args) {
        return new CommandInvocation(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), Path.of("."), false, Map.of());
    }

    private static List<Dictionary<String, Object>> run(RecordingConfigurationAdmin configAdmin, String... args)
            throws Exception {
        OperatorCommand command = new OperatorCommand(configAdmin.proxy());
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> command.run(invocation(args)));
        configAdmin.awaitUpdate();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (configAdmin.updates.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the operator's own configuration follows the metrics one
        }
        command.deactivate();
        assertEquals(0, code.get(10, TimeUnit.SECONDS));
        return configAdmin.updates;
    }

    @Test
    void withoutMetricsOptionsFiosPort8585IsServedOnAllAddresses() throws Exception {
        RecordingConfigurationAdmin configAdmin = new RecordingConfigurationAdmin();
        List<Dictionary<String, Object>> updates = run(configAdmin, "--namespace=fio");
        assertEquals(List.of("io.fileintegrity.reporting.metrics", "io.fileintegrity.k8s.operator"), configAdmin.pids);
        assertEquals(8585, updates.get(0).get("port"));
        assertEquals("0.0.0.0", updates.get(0).get("bindAddress"));
        assertEquals("fio", updates.get(1).get("namespace"));
    }

    @Test
    void metricsOptionsGoToTheMetricsConfigurationNotTheOperators() throws Exception {
        RecordingConfigurationAdmin configAdmin = new RecordingConfigurationAdmin();
        List<Dictionary<String, Object>> updates = run(configAdmin, "--metricsPort=0", "--metricsBindAddress=127.0.0.1",
                "--metricsCertFile=/certs/tls.crt", "--metricsKeyFile=/certs/tls.key", "--resyncSeconds=7");
        Dictionary<String, Object> metrics = updates.get(0);
        assertEquals(0, metrics.get("port"));
        assertEquals("127.0.0.1", metrics.get("bindAddress"));
        assertEquals("/certs/tls.crt", metrics.get("tlsCertificateFile"));
        assertEquals("/certs/tls.key", metrics.get("tlsKeyFile"));
        Dictionary<String, Object> operator = updates.get(1);
        assertEquals(7, operator.get("resyncSeconds"));
        assertFalse(java.util.Collections.list(operator.keys()).stream().anyMatch(k -> k.startsWith("metrics")));
    }
}
