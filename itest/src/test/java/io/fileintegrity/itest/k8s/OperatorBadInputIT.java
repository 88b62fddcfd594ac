package io.fileintegrity.itest.k8s;

import static io.fileintegrity.itest.k8s.OperatorCluster.NS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.fileintegrity.itest.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code fio operator} on a real kube-apiserver given bad input: user ConfigMaps that are missing, lack the key
 * or hold a malformed aide.conf, a grace period below FIO's minimum, garbage in FIO's annotations, writers that
 * race the operator (409 conflicts) and an API server outage longer than the lease's renew deadline. Nothing
 * may crash the operator, schedule a broken configuration, touch a working DaemonSet or duplicate objects.
 * Ends with FIO's metrics on {@code /metrics-fio}, served over TLS (a self-made certificate, PKCS#1 key). Scenarios run in name order on one cluster.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperatorBadInputIT {

    @ClassRule
    public static final ApiServerRule API = new ApiServerRule();

    private static final String BAD_AIDE_CONF = "@@define DBDIR /etc/kubernetes\ndatabase=file:@@{DBDIR}/aide.db.gz\n"
            + "CONTENT_EX = sha513+XXXXXX\n/etc CONTENT_EX\n";
    private static OperatorCluster cluster;
    private static Path tlsDir;

    @BeforeClass
    public static void installNodesAndOperator() throws Exception {
        cluster = new OperatorCluster(API.kubectl());
        cluster.installManifests();
        cluster.createNode("worker-0", Map.of("node-role.kubernetes.io/worker", ""), null);
        cluster.createNode("worker-1", Map.of("node-role.kubernetes.io/worker", ""), null);
        tlsDir = Files.createTempDirectory("fio-metrics-tls-");
        cluster.startOperatorWithTls(tlsDir);
        userConfig("badconf", "aide.conf", BAD_AIDE_CONF);
        userConfig("goodconf", "aide.conf", UserAideConf.HOST_PATHS);
        userConfig("otherkey", "something-else", UserAideConf.HOST_PATHS);
    }

    @AfterClass
    public static void stopOperator() throws Exception {
        if (cluster != null) {
            cluster.stopOperator();
        }
    }

    private static void userConfig(String name, String key, String text) throws Exception {
        cluster.apply(API.kubectl().okWithInput(text, "create", "configmap", name, "-n", NS,
                "--from-file=" + key + "=/dev/stdin", "--dry-run=client", "-o", "yaml"));
    }

    private static void fileIntegrity(String name, String config) throws Exception {
        cluster.apply("apiVersion: fileintegrity.openshift.io/v1alpha1\nkind: FileIntegrity\nmetadata:\n  name: " + name
                + "\n  namespace: " + NS + "\nspec:\n  config:\n" + config);
    }

    private static String userConfigRef(String name) {
        return "    name: " + name + "\n    namespace: " + NS + "\n";
    }

    @Test
    public void b01_aMissingUserConfigMapKeepsFiosDefaultConfigAndSaysSo() throws Exception {
        fileIntegrity("missing-cm", userConfigRef("no-such-configmap"));
        cluster.waitForObject("daemonset", "aide-missing-cm", "{.metadata.name}");
        assertTrue(cluster.waitForObject("configmap", "missing-cm", "{.data.aide\\.conf}").contains("/hostroot/boot/"));
        cluster.waitForPhase("missing-cm", "Initializing");
        String note = "ConfigMap openshift-file-integrity/no-such-configmap:aide.conf not found; keeping the current configuration";
        assertEquals(note, cluster.get("fileintegrity", "missing-cm", "{.status.message}"));
        cluster.waitForEvent("missing-cm", "Warning ConfigMapMissing: " + note);
    }

    @Test
    public void b02_aUserConfigMapWithoutTheKeyKeepsFiosDefaultConfig() throws Exception {
        fileIntegrity("missing-key", userConfigRef("otherkey"));
        assertTrue(cluster.waitForObject("configmap", "missing-key", "{.data.aide\\.conf}").contains("/hostroot/boot/"));
        cluster.waitForPhase("missing-key", "Initializing");
        assertEquals("ConfigMap openshift-file-integrity/otherkey:aide.conf has no data under that key; keeping the current"
                + " configuration", cluster.get("fileintegrity", "missing-key", "{.status.message}"));
    }

    @Test
    public void b03_aMalformedAideConfOnANewFileIntegrityIsAnErrorWithFileAndLineAndSchedulesNothing() throws Exception {
        fileIntegrity("bad-new", userConfigRef("badconf"));
        cluster.waitForPhase("bad-new", "Error");
        String message = cluster.get("fileintegrity", "bad-new", "{.status.message}");
        assertTrue(message, message.contains("openshift-file-integrity/badconf:aide.conf:3: group 'sha513' is not defined"));
        cluster.waitForEvent("bad-new", "Warning FileIntegrityStatus: Error");
        assertFalse(cluster.exists("daemonset", "aide-bad-new"));
        assertFalse(cluster.exists("configmap", "bad-new"));
    }

    @Test
    public void b04_aMalformedAideConfOnAWorkingFileIntegrityLeavesItsDaemonSetAndConfigUntouched() throws Exception {
        fileIntegrity("working", userConfigRef("goodconf"));
        cluster.waitForObject("daemonset", "aide-working", "{.metadata.name}");
        cluster.waitFor("configmap", "working", "{.data.aide\\.conf}", UserAideConf.CONVERTED);
        String before = cluster.get("daemonset", "aide-working", "{.metadata.uid} {.metadata.generation}");
        String configVersion = cluster.get("configmap", "working", "{.metadata.resourceVersion}");

        userConfig("goodconf", "aide.conf", BAD_AIDE_CONF);
        cluster.waitForPhase("working", "Error");
        assertTrue(cluster.get("fileintegrity", "working", "{.status.message}").contains("goodconf:aide.conf:3:"));
        assertEquals(before, cluster.get("daemonset", "aide-working", "{.metadata.uid} {.metadata.generation}"));
        assertEquals("the agents keep their configuration and baseline", configVersion,
                cluster.get("configmap", "working", "{.metadata.resourceVersion}"));

        userConfig("goodconf", "aide.conf", UserAideConf.HOST_PATHS.replace("!/etc/mtab", "!/etc/motd"));
        cluster.waitFor("configmap", "working", "{.data.aide\\.conf}",
                UserAideConf.CONVERTED.replace("!/hostroot/etc/mtab", "!/hostroot/etc/motd"));
        cluster.waitForPhase("working", "Initializing");
        assertEquals("", cluster.get("fileintegrity", "working", "{.status.message}"));
    }

    @Test
    public void b05_aGracePeriodBelowFiosMinimumIsRaisedToTenAndTheUserIsTold() throws Exception {
        fileIntegrity("too-fast", "    gracePeriod: 3\n");
        assertTrue(cluster.waitForObject("daemonset", "aide-too-fast", "{.spec.template.spec.containers[0].args}")
                .contains("\"--interval=10\""));
        assertEquals("the object is kept as written", "3", cluster.get("fileintegrity", "too-fast", "{.spec.config.gracePeriod}"));
        String note = "spec.config.gracePeriod 3 is below the minimum of 10; checking every 10 seconds";
        cluster.waitFor("fileintegrity", "too-fast", "{.status.message}", note);
        cluster.waitForEvent("too-fast", "Warning GracePeriodRaised: " + note);
        cluster.waitForPhase("too-fast", "Initializing");
    }

    @Test
    public void b06_garbageInFiosAnnotationsIsConsumedWithoutHarm() throws Exception {
        fileIntegrity("garbage", "    gracePeriod: 60\n");
        cluster.waitForObject("daemonset", "aide-garbage", "{.metadata.name}");
        API.kubectl().ok("annotate", "fileintegrity", "garbage", "-n", NS, "file-integrity.openshift.io/re-init=,, ,",
                "file-integrity.openshift.io/re-init-on-failed=%%junk%%", "file-integrity.openshift.io/holdoff=@@@,,");
        cluster.waitFor("fileintegrity", "garbage", "{.metadata.annotations.file-integrity\\.openshift\\.io/re-init}"
                + "{.metadata.annotations.file-integrity\\.openshift\\.io/re-init-on-failed}", "");
        API.kubectl().ok("annotate", "fileintegrity", "garbage", "-n", NS, "--overwrite",
                "file-integrity.openshift.io/re-init=no-such-node,worker-0,WORKER-0");
        cluster.waitFor("fileintegrity", "garbage", "{.metadata.annotations.file-integrity\\.openshift\\.io/re-init}", "");
        String requests = cluster.get("configmap", "garbage", "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-requests}");
        assertTrue(requests, requests.matches("(.*,)?worker-0=\\d+(,.*)?"));
        assertFalse("no request kept forever for a node that does not exist: " + requests, requests.contains("no-such-node"));
        API.kubectl().ok("annotate", "configmap", "garbage", "-n", NS, "--overwrite",
                "fio.fileintegrity.io/reinit-requests=worker-0=soon,=,*=-x");
        assertTrue(cluster.operatorAlive());
        cluster.waitForPhase("garbage", "Initializing");
    }

    @Test
    public void b07_writersRacingTheOperatorCauseConflictsThatConverge() throws Exception {
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread racer = new Thread(() -> {
            while (racing.get()) {
                try {
                    int n = writes.incrementAndGet();
                    API.kubectl().run("annotate", "daemonset", "aide-garbage", "-n", NS, "--overwrite", "race=" + n);
                    API.kubectl().run("annotate", "fileintegrity", "garbage", "-n", NS, "--overwrite", "race=" + n);
                } catch (Exception e) {
                    return;
                }
            }
        });
        racer.start();
        try {
            for (int grace = 61; grace <= 64; grace++) {
                API.kubectl().ok("patch", "fileintegrity", "garbage", "-n", NS, "--type=merge", "-p",
                        "{\"spec\":{\"config\":{\"gracePeriod\":" + grace + "}}}");
                Thread.sleep(700);
            }
            cluster.waitFor("daemonset", "aide-garbage", "{.spec.template.spec.containers[0].args[3]}", "--interval=64");
        } finally {
            racing.set(false);
            racer.join();
        }
        assertTrue("the racer wrote " + writes.get() + " times", writes.get() > 3);
        assertEquals(List.of("daemonset.apps/aide-garbage"), API.kubectl().ok("get", "daemonsets", "-n", NS,
                "-l", "file-integrity.openshift.io/owner=garbage", "-o", "name").lines().toList());
        assertTrue(cluster.diagnostics(), cluster.operatorAlive());
    }

    @Test
    public void b08_anApiServerOutageMidReconcileAndALostLeaseConverge() throws Exception {
        fileIntegrity("outage", "    gracePeriod: 100\n");
        API.restartApiServer(12); // whether the lease survives this depends on the client's retry timing
        cluster.waitForObject("daemonset", "aide-outage", "{.metadata.name}");
        // another replica held the lease meanwhile and then died: this one must lose it, then win it back
        String renewed = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").format(LocalDateTime.now(ZoneOffset.UTC));
        API.kubectl().ok("patch", "lease", "962a0cf2.openshift.io", "-n", NS, "--type=merge", "-p",
                "{\"spec\":{\"holderIdentity\":\"replica-that-died\",\"leaseDurationSeconds\":15,\"renewTime\":\"" + renewed + "\"}}");
        Eventually.until("the lease lost and won back", Duration.ofSeconds(60), cluster::diagnostics,
                () -> cluster.get("lease", "962a0cf2.openshift.io", "{.spec.holderIdentity}"),
                holder -> !holder.equals("replica-that-died") && !holder.isEmpty());
        assertTrue(cluster.operatorLog().contains("lost the lease; campaigning again"));
        API.kubectl().ok("patch", "fileintegrity", "outage", "-n", NS, "--type=merge", "-p",
                "{\"spec\":{\"config\":{\"gracePeriod\":101}}}");
        cluster.waitFor("daemonset", "aide-outage", "{.spec.template.spec.containers[0].args[3]}", "--interval=101");
        assertEquals(List.of("configmap/outage"), API.kubectl().ok("get", "configmaps", "-n", NS, "-l",
                "file-integrity.openshift.io/owner=outage", "-o", "name").lines().toList());
        assertEquals(List.of("daemonset.apps/aide-outage"), API.kubectl().ok("get", "daemonsets", "-n", NS, "-l",
                "file-integrity.openshift.io/owner=outage", "-o", "name").lines().toList());
        assertTrue(cluster.diagnostics(), cluster.operatorAlive());
    }

    @Test
    public void b09_fiosMetricsAreServedOverTlsOnMetricsFioWithBoundedLabels() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(tlsDir.resolve("tls.crt"))) {
            trust.setCertificateEntry("metrics", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trusting = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusting.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trusting.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + cluster.metricsPort() + "/metrics-fio")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        String text = response.body();
        for (String family : List.of("phase_total", "error_total", "pause_total", "unpause_total", "reinit_total",
                "node_status_total", "node_status_error_total", "daemonset_update_total", "reinit_daemonset_update_total",
                "node_failed")) {
            assertTrue(family, text.contains("# TYPE file_integrity_operator_" + family + " "));
        }
        assertTrue(text, text.contains("file_integrity_operator_phase_total{phase=\"Error\"}"));
        assertTrue(text, text.contains("file_integrity_operator_reinit_total{by=\"demand\",node=\"\"}"));
        assertTrue(text, text.contains("file_integrity_operator_daemonset_update_total{operation=\"update\"}"));
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + cluster.metricsPort() + "/metrics-fio")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
