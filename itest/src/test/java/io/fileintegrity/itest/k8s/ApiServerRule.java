package io.fileintegrity.itest.k8s;

import static org.junit.Assume.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.rules.ExternalResource;

/**
 * A real kube-apiserver with etcd on 127.0.0.1 for one test class ({@code @ClassRule}), started and stopped by
 * {@code itest/k8s/apiserver.sh} (which builds the binaries on first use).
 *
 * <p>{@code FIO_K8S_DIR=<state dir>} reuses an instance already started with {@code apiserver.sh start <dir>}
 * and leaves it running. {@code FIO_E2E_K8S=off} skips the end-to-end tests; otherwise a server that cannot
 * be built or started fails them.
 */
public final class ApiServerRule extends ExternalResource {

    /** Environment switch: {@code off} skips every end-to-end test on the API server. */
    public static final String SWITCH = "FIO_E2E_K8S";
    /** Environment variable naming the state dir of a running instance to reuse. */
    public static final String REUSE = "FIO_K8S_DIR";

    /** A first start builds kube-apiserver and etcd from source; that can take long on a small machine. */
    private static final long START_TIMEOUT_MINUTES = 60;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final String controllers;
    private Path stateDir;
    private boolean owned;
    private Kubectl kubectl;
    private final Thread stopper = new Thread(this::stop, "stop-apiserver");

    /** kube-apiserver and etcd only: nothing reconciles, nothing is garbage-collected. */
    public ApiServerRule() {
        this("");
    }

    private ApiServerRule(String controllers) {
        this.controllers = controllers;
    }

    /**
     * Also runs these controllers of kube-controller-manager (e.g. {@code garbage-collector-controller}),
     * built on first use. A reused instance ({@value #REUSE}) runs whatever it was started with.
     */
    public static ApiServerRule withControllers(String... names) {
        return new ApiServerRule(String.join(",", names));
    }

    @Override
    protected void before() throws Throwable {
        assumeFalse("end-to-end tests on a real API server are off (" + SWITCH + "=off)",
                "off".equalsIgnoreCase(System.getenv(SWITCH)));
        String reuse = System.getenv(REUSE);
        if (reuse != null && !reuse.isBlank()) {
            stateDir = Path.of(reuse);
            owned = false;
            kubectl = fromExports(script("env", TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS)));
            return;
        }
        stateDir = Files.createTempDirectory("fio-k8s-");
        owned = true;
        // a fork killed by a timeout must not leave etcd and kube-apiserver running
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            kubectl = fromExports(script("start", TimeUnit.MINUTES.toMillis(START_TIMEOUT_MINUTES)));
        } catch (Throwable e) {
            after();
            throw e;
        }
    }

    @Override
    protected void after() {
        if (owned) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs this anyway
            }
        }
        stop();
    }

    private synchronized void stop() {
        if (!owned || stateDir == null || !Files.isDirectory(stateDir)) {
            return;
        }
        try {
            String[] nothingLeft = stateDir.toFile().list();
            if (nothingLeft != null && nothingLeft.length == 0) {
                Files.delete(stateDir);
            } else {
                script("stop", TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not stop the API server in " + stateDir, e);
        }
    }

    /** Restarts kube-apiserver alone on the same port; etcd and its data stay. Returns when it is ready again. */
    public void restartApiServer() throws IOException, InterruptedException {
        restartApiServer(0);
    }

    /** Like {@link #restartApiServer()}, with kube-apiserver down for {@code downSeconds} in between. */
    public void restartApiServer(int downSeconds) throws IOException, InterruptedException {
        script("restart", TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS + downSeconds), downSeconds);
    }

    /** kubectl bound to this API server's kubeconfig. */
    public Kubectl kubectl() {
        return kubectl;
    }

    public Path kubeconfig() {
        return kubectl.kubeconfig();
    }

    /** The state dir: certificates, token, logs ({@code apiserver.log}, {@code etcd.log}, {@code audit.log}). */
    public Path stateDir() {
        return stateDir;
    }

    private String script(String subcommand, long timeoutMillis) throws IOException, InterruptedException {
        return script(subcommand, timeoutMillis, 0);
    }

    private String script(String subcommand, long timeoutMillis, int downSeconds) throws IOException, InterruptedException {
        Path log = RepositoryFiles.logDirectory().resolve(stateDir.getFileName() + "-" + subcommand + ".log");
        Path out = RepositoryFiles.logDirectory().resolve(stateDir.getFileName() + "-" + subcommand + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", RepositoryFiles.apiServerScript().toString(), subcommand,
                stateDir.toString()).redirectOutput(out.toFile()).redirectError(log.toFile());
        builder.environment().put("FIO_K8S_CONTROLLERS", controllers);
        builder.environment().put("FIO_K8S_DOWN_SECONDS", Integer.toString(downSeconds));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("apiserver.sh " + subcommand + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("apiserver.sh " + subcommand + " failed with exit code "
                    + process.exitValue() + ":\n" + tail(log) + "\n(full log: " + log + ")");
        }
        return Files.readString(out);
    }

    private static Kubectl fromExports(String exports) {
        Map<String, String> values = new HashMap<>();
        exports.lines().filter(l -> l.startsWith("export ") && l.contains("="))
                .forEach(l -> values.put(l.substring(7, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        String kubeconfig = values.get("KUBECONFIG");
        String kubectl = values.get("FIO_KUBECTL");
        if (kubeconfig == null || kubectl == null) {
            throw new IllegalStateException("apiserver.sh printed no KUBECONFIG/FIO_KUBECTL exports:\n" + exports);
        }
        return new Kubectl(Path.of(kubectl), Path.of(kubeconfig));
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
