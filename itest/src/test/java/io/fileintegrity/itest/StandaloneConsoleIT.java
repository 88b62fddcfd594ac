package io.fileintegrity.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * {@code fio run} as a user starts it: the console answers on loopback only with the configured
 * credentials, the DS plugin lists our components, a provider dropped into deploy/ while running is picked
 * up and dropped again, and SIGTERM stops the runtime.
 */
public class StandaloneConsoleIT {

    private static final String PASSWORD = "it-secret-1";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    public void consoleNeedsCredentialsListsComponentsAndFollowsDeploy() throws Exception {
        FioProcess fio = FioProcess.freshHome();
        int port = FioProcess.freePort();
        String base = "http://127.0.0.1:" + port + "/system/console/";
        Process run = fio.start(Map.of("FIO_CONSOLE_PASSWORD", PASSWORD,
                "FIO_JAVA_OPTS", "-Dorg.osgi.service.http.port=" + port),
                "run", "--provider", "sha256sum", "--state", fio.home().resolve("state").toString(), "--interval", "3600");
        try {
            String components = await(30, () -> get(base + "components.json", "admin", PASSWORD), b -> b.contains("LoopTarget"));
            assertTrue(components, components.contains("io.fileintegrity.engine.registry.DynamicProviderRegistry"));
            assertEquals(401, status(base + "bundles", null, null));
            assertEquals(401, status(base + "bundles", "admin", "admin"));
            assertEquals(200, status(base + "bundles", "admin", PASSWORD));

            var jar = fio.deploy().resolve("provider-sha256sum.jar");
            Files.copy(DistributionBundles.exampleProvider().toPath(), jar, StandardCopyOption.REPLACE_EXISTING);
            await(30, () -> get(base + "components.json", "admin", PASSWORD), b -> b.contains("Sha256SumProvider"));
            Files.delete(jar);
            await(30, () -> get(base + "components.json", "admin", PASSWORD), b -> !b.contains("Sha256SumProvider"));
        } finally {
            run.destroy(); // SIGTERM
            assertTrue("fio run did not stop within 30 s of SIGTERM", run.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(fio.stderr(), fio.stderr().contains("console at http://127.0.0.1:" + port));
    }

    /**
     * The README's main job: {@code fio run} with its defaults (aide, built-in policy over /etc, /usr/bin,
     * /usr/sbin, /boot) builds a baseline of this machine and the next check finds nothing changed.
     */
    @Test
    public void defaultStandaloneRunBuildsABaselineAndChecksThisMachineCleanly() throws Exception {
        FioProcess fio = FioProcess.freshHome();
        int port = FioProcess.freePort();
        String metrics = "http://127.0.0.1:" + port + "/metrics";
        Process run = fio.start(Map.of("FIO_CONSOLE_PASSWORD", PASSWORD,
                "FIO_JAVA_OPTS", "-Dorg.osgi.service.http.port=" + port),
                "run", "--state", fio.home().resolve("state").toString(), "--interval", "5");
        try {
            String text = await(180, () -> get(metrics, null, null),
                    b -> b.contains("fio_scans_total{outcome=\"succeeded\",provider=\"aide\",target=\"local\"} 2"));
            assertTrue(text, text.contains("fio_last_scan_changes{kind=\"changed\",provider=\"aide\",target=\"local\"} 0"));
            assertTrue(Files.exists(fio.home().resolve("state/aide.db.gz")));
        } finally {
            run.destroy();
            assertTrue("fio run did not stop within 30 s of SIGTERM", run.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private interface Fetch {
        String fetch() throws Exception;
    }

    private static String await(int seconds, Fetch fetch, Predicate<String> ready) throws InterruptedException {
        String last = "";
        for (int i = 0; i < seconds * 4; i++) {
            try {
                last = fetch.fetch();
                if (ready.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("condition not met within " + seconds + " s; last answer: " + last);
    }

    private String get(String url, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(request(url, user, password), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private int status(String url, String user, String password) throws Exception {
        return http.send(request(url, user, password), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(String url, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return b.build();
    }
}
