package io.fileintegrity.itest.k8s;

import static io.fileintegrity.itest.k8s.OperatorCluster.NS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.fileintegrity.itest.Eventually;
import io.fileintegrity.itest.FioProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * {@code fio operator} of the built distribution on a real kube-apiserver, checked with kubectl as a user of
 * FIO would: FIO's own sample objects, our providers, live spec edits, self-healing of managed objects, node
 * results and phases, MachineConfig holdoff, re-init, node removal (bad input, conflicts, outages and metrics:
 * {@link OperatorBadInputIT}). The tests play the kubelets, the DaemonSet controller and the node agents.
 * Scenarios run in name order on one cluster.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperatorIT {

    @ClassRule
    public static final ApiServerRule API = new ApiServerRule();

    static final String EXAMPLE = "example-fileintegrity";
    static final String WORKERS = "worker-fileintegrity";
    private static final String TIME = "2026-11-25T10:00:00Z";
    private static final String LATER = "2026-11-25T10:15:00Z";
    private static final String LATEST = "2026-11-25T10:30:00Z";
    static OperatorCluster cluster;

    @BeforeClass
    public static void installNodesAndOperator() throws Exception {
        cluster = new OperatorCluster(API.kubectl());
        cluster.installManifests();
        for (int i = 0; i < 3; i++) {
            cluster.createNode("worker-" + i, Map.of("node-role.kubernetes.io/worker", ""), null);
        }
        cluster.createNode("master-0", Map.of("node-role.kubernetes.io/master", ""), "node-role.kubernetes.io/master:NoSchedule");
        cluster.startOperator();
    }

    @AfterClass
    public static void stopOperator() throws Exception {
        if (cluster != null) {
            cluster.stopOperator();
        }
    }

    @Test
    public void a01_fiosExampleGetsThePrivilegedCheckDaemonSetWithTheConvertedDefaultConfig() throws Exception {
        cluster.apply(OperatorCluster.sample("fio-example.yaml"));
        String ds = "aide-" + EXAMPLE;
        String uid = cluster.get("fileintegrity", EXAMPLE, "{.metadata.uid}");
        assertEquals("daemon fio:e2e true 0 file-integrity-daemon",
                cluster.waitForObject("daemonset", ds, "{.spec.template.spec.containers[*].name} {.spec.template.spec"
                        + ".containers[0].image} {.spec.template.spec.containers[0].securityContext.privileged} "
                        + "{.spec.template.spec.containers[0].securityContext.runAsUser} {.spec.template.spec.serviceAccountName}"));
        assertEquals("hostroot / /hostroot HostToContainer", cluster.get("daemonset", ds,
                "{.spec.template.spec.volumes[?(@.name=='hostroot')].name} {.spec.template.spec.volumes[?(@.name=='hostroot')]"
                        + ".hostPath.path} {.spec.template.spec.containers[0].volumeMounts[?(@.name=='hostroot')].mountPath} "
                        + "{.spec.template.spec.containers[0].volumeMounts[?(@.name=='hostroot')].mountPropagation}"));
        assertEquals("spec.nodeName", cluster.get("daemonset", ds,
                "{.spec.template.spec.containers[0].env[?(@.name=='NODE_NAME')].valueFrom.fieldRef.fieldPath}"));
        assertEquals("[\"/opt/fio/bin/fio\",\"agent\"] [\"--name=example-fileintegrity\",\"--namespace=openshift-file-integrity\","
                + "\"--provider=aide\",\"--interval=900\",\"--maxBackups=5\",\"--debug=false\"]",
                cluster.get("daemonset", ds, "{.spec.template.spec.containers[0].command} {.spec.template.spec.containers[0].args}"));
        assertEquals("node-role.kubernetes.io/master:Exists:NoSchedule node-role.kubernetes.io/infra:Exists:NoSchedule ",
                cluster.get("daemonset", ds, "{range .spec.template.spec.tolerations[*]}{.key}:{.operator}:{.effect} {end}"));
        assertEquals("example-fileintegrity FileIntegrity " + uid + " true true", cluster.get("daemonset", ds,
                "{.metadata.labels.file-integrity\\.openshift\\.io/owner} {.metadata.ownerReferences[0].kind} "
                        + "{.metadata.ownerReferences[0].uid} {.metadata.ownerReferences[0].controller} "
                        + "{.metadata.ownerReferences[0].blockOwnerDeletion}"));
        assertEquals("", cluster.get("daemonset", ds, "{.spec.template.spec.nodeSelector}{.spec.template.spec.priorityClassName}"));

        String expectedConfig = FioProcess.freshHome().run("convert-aide-conf", "--default").out();
        assertEquals("the default aide.conf converted for /hostroot, byte for byte", expectedConfig,
                cluster.get("configmap", EXAMPLE, "{.data.aide\\.conf}"));
        assertTrue(expectedConfig, expectedConfig.startsWith("@@define DBDIR /hostroot/etc/kubernetes\n"));
        assertTrue(expectedConfig, expectedConfig.lines().filter(l -> l.startsWith("/") || l.startsWith("!/"))
                .allMatch(l -> l.startsWith("/hostroot/") || l.startsWith("!/hostroot/")));
        assertEquals(" " + EXAMPLE, cluster.get("configmap", EXAMPLE, "{.metadata.labels.file-integrity\\.openshift\\.io/aide-conf} "
                + "{.metadata.labels.file-integrity\\.openshift\\.io/owner}"));
        cluster.waitForPhase(EXAMPLE, "Initializing");
        cluster.waitForEvent(EXAMPLE, "Normal FileIntegrityStatus: Initializing");
    }

    @Test
    public void a02_nodeResultsDriveFiosPhasesEventsAndFailureReports() throws Exception {
        cluster.markDaemonSetAvailable("aide-" + EXAMPLE, 4);
        for (String node : List.of("worker-0", "worker-1", "worker-2", "master-0")) {
            cluster.reportNode(EXAMPLE, node, "Succeeded", TIME, "");
        }
        cluster.waitForPhase(EXAMPLE, "Active");
        cluster.waitForEvent(EXAMPLE, "Normal FileIntegrityStatus: Active");
        cluster.waitForEvent(EXAMPLE, "Normal NodeIntegrityStatus: no changes to node worker-0");

        cluster.reportNode(EXAMPLE, "worker-1", "Failed", LATER, "    filesAdded: 1\n    filesChanged: 2\n"
                + "    resultConfigMapName: aide-example-fileintegrity-worker-1-failed\n    resultConfigMapNamespace: " + NS + "\n");
        cluster.waitForEvent(EXAMPLE, "Warning NodeIntegrityStatus: node worker-1 has changed! a:1,c:2,r:0 "
                + "log:openshift-file-integrity/aide-example-fileintegrity-worker-1-failed");
        assertEquals("a Failed node leaves the phase Active, as in FIO", "Active", cluster.phase(EXAMPLE));

        cluster.reportNode(EXAMPLE, "worker-2", "Errored", LATER, "    errorMessage: cannot read /hostroot/etc/shadow\n");
        cluster.waitForPhase(EXAMPLE, "Error");
        cluster.waitForEvent(EXAMPLE, "Warning NodeIntegrityStatus: node worker-2 has an error! cannot read /hostroot/etc/shadow");
        cluster.waitForEvent(EXAMPLE, "Warning FileIntegrityStatus: Error");

        cluster.reportNode(EXAMPLE, "worker-2", "Succeeded", LATEST, "");
        cluster.waitForPhase(EXAMPLE, "Active");
        Thread.sleep(2_000); // a reconcile on a lagging cache would repeat a phase event now
        List<String> phases = cluster.events(EXAMPLE).stream().filter(e -> e.contains(" FileIntegrityStatus: ")).toList();
        assertEquals("each phase change reported once, as FIO does", List.of("Normal FileIntegrityStatus: Initializing",
                "Normal FileIntegrityStatus: Active", "Warning FileIntegrityStatus: Error", "Normal FileIntegrityStatus: Active"),
                phases);
        assertEquals("NAME NODE STATUS", API.kubectl().ok("get", "fileintegritynodestatuses", "-n", NS).lines().findFirst()
                .orElseThrow().replaceAll("\\s+", " ").trim());
    }

    @Test
    public void a03_fiosWorkerSampleWaitsForItsInitialDelayThenUsesTheUserConfigConvertedByteForByte() throws Exception {
        String yaml = API.kubectl().okWithInput(UserAideConf.HOST_PATHS, "create", "configmap", "myconf", "-n", NS,
                "--from-file=my-aide.conf=/dev/stdin", "--dry-run=client", "-o", "yaml");
        cluster.apply(yaml);
        cluster.apply(OperatorCluster.sample("fio-workers-user-config.yaml"));
        cluster.waitForPhase(WORKERS, "Pending");
        assertFalse("initialDelay 120: no DaemonSet yet", cluster.exists("daemonset", "aide-" + WORKERS));

        API.kubectl().ok("patch", "fileintegrity", WORKERS, "-n", NS, "--type=merge", "-p", "{\"spec\":{\"config\":{\"initialDelay\":0}}}");
        String ds = "aide-" + WORKERS;
        assertEquals("{\"node-role.kubernetes.io/worker\":\"\"} system-node-critical fi-e2e:Equal:tainted:NoSchedule ",
                cluster.waitForObject("daemonset", ds, "{.spec.template.spec.nodeSelector} {.spec.template.spec.priorityClassName} "
                        + "{range .spec.template.spec.tolerations[*]}{.key}:{.operator}:{.value}:{.effect} {end}"));
        assertEquals("[\"--name=worker-fileintegrity\",\"--namespace=openshift-file-integrity\",\"--provider=aide\","
                + "\"--interval=20\",\"--maxBackups=1\",\"--debug=true\"]",
                cluster.get("daemonset", ds, "{.spec.template.spec.containers[0].args}"));
        assertEquals(UserAideConf.CONVERTED, cluster.get("configmap", WORKERS, "{.data.aide\\.conf}"));
        cluster.waitForPhase(WORKERS, "Initializing");
    }

    @Test
    public void a04_otherProvidersGetTheirArgumentAndTheirConfigUnconverted() throws Exception {
        String ostreeConf = "path /usr /boot\netc info\n# / stays as written\n";
        String yaml = API.kubectl().okWithInput(ostreeConf, "create", "configmap", "ostree-conf", "-n", NS,
                "--from-file=aide.conf=/dev/stdin", "--dry-run=client", "-o", "yaml");
        cluster.apply(yaml);
        cluster.apply(OperatorCluster.sample("ours-ostree-provider.yaml").replace("gracePeriod: 600",
                "gracePeriod: 600\n    name: ostree-conf\n    namespace: " + NS));
        assertTrue(cluster.waitForObject("daemonset", "aide-ostree-fileintegrity", "{.spec.template.spec.containers[0].args}")
                .contains("\"--provider=ostree\",\"--interval=600\""));
        assertEquals(ostreeConf, cluster.get("configmap", "ostree-fileintegrity", "{.data.ostree\\.conf}"));

        cluster.apply(OperatorCluster.sample("ours-ostree-provider.yaml").replace("ostree-fileintegrity", "ima-fileintegrity")
                .replace("provider: ostree", "provider: ima"));
        assertTrue(cluster.waitForObject("daemonset", "aide-ima-fileintegrity", "{.spec.template.spec.containers[0].args}")
                .contains("\"--provider=ima\""));
        assertEquals("{\"ima.conf\":\"\"}", cluster.get("configmap", "ima-fileintegrity", "{.data}"));
        cluster.waitForPhase("ima-fileintegrity", "Initializing");
    }

    @Test
    public void a05_anUnknownProviderIsAnErrorListingTheKnownOnesAndSchedulesNothing() throws Exception {
        cluster.apply(OperatorCluster.sample("ours-ostree-provider.yaml").replace("ostree-fileintegrity", "nosuch-fileintegrity")
                .replace("provider: ostree", "provider: nosuch"));
        cluster.waitForPhase("nosuch-fileintegrity", "Error");
        assertEquals("unknown provider 'nosuch'; known providers: aide, ima, ostree",
                cluster.get("fileintegrity", "nosuch-fileintegrity", "{.status.message}"));
        cluster.waitForEvent("nosuch-fileintegrity", "Warning UnknownProvider: unknown provider 'nosuch'; known providers: aide, ima, ostree");
        assertFalse(cluster.exists("daemonset", "aide-nosuch-fileintegrity"));
        assertFalse(cluster.exists("configmap", "nosuch-fileintegrity"));

        API.kubectl().ok("patch", "fileintegrity", "nosuch-fileintegrity", "-n", NS, "--type=merge", "-p", "{\"spec\":{\"provider\":\"aide\"}}");
        cluster.waitForObject("daemonset", "aide-nosuch-fileintegrity", "{.metadata.name}");
        cluster.waitForPhase("nosuch-fileintegrity", "Initializing");
        assertEquals("", cluster.get("fileintegrity", "nosuch-fileintegrity", "{.status.message}"));
    }

    @Test
    public void a06_liveSpecEditsRollTheDaemonSet() throws Exception {
        String ds = "aide-" + EXAMPLE;
        long generation = Long.parseLong(cluster.get("daemonset", ds, "{.metadata.generation}"));
        API.kubectl().ok("patch", "fileintegrity", EXAMPLE, "-n", NS, "--type=merge", "-p",
                "{\"spec\":{\"debug\":true,\"config\":{\"gracePeriod\":30},\"nodeSelector\":{\"node-role.kubernetes.io/worker\":\"\"},"
                        + "\"tolerations\":[{\"key\":\"fi-e2e\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]}}");
        cluster.waitFor("daemonset", ds, "{.spec.template.spec.containers[0].args[3]} {.spec.template.spec.containers[0].args[5]}",
                "--interval=30 --debug=true");
        assertEquals("{\"node-role.kubernetes.io/worker\":\"\"} fi-e2e:Exists:NoSchedule ", cluster.get("daemonset", ds,
                "{.spec.template.spec.nodeSelector} {range .spec.template.spec.tolerations[*]}{.key}:{.operator}:{.effect} {end}"));
        assertTrue("the pod template changed, so the DaemonSet rolls",
                Long.parseLong(cluster.get("daemonset", ds, "{.metadata.generation}")) > generation);
        cluster.waitForPhase(EXAMPLE, "Initializing"); // the rollout is not observed yet
    }

    @Test
    public void a07_anInvalidPriorityClassGivesFiosWarningAndIsCleared() throws Exception {
        API.kubectl().ok("patch", "fileintegrity", EXAMPLE, "-n", NS, "--type=merge", "-p",
                "{\"spec\":{\"priorityClassName\":\"non-existent-priority-class\"}}");
        cluster.waitForEvent(EXAMPLE, "Warning PriorityClass: Error while getting priority class 'non-existent-priority-class', "
                + "PriorityClass not found or invalid");
        cluster.waitFor("fileintegrity", EXAMPLE, "{.spec.priorityClassName}", "");
        assertEquals("", cluster.get("daemonset", "aide-" + EXAMPLE, "{.spec.template.spec.priorityClassName}"));
    }

    @Test
    public void a08_managedObjectsEditedOrDeletedAreRestored() throws Exception {
        String ds = "aide-" + EXAMPLE;
        String args = cluster.get("daemonset", ds, "{.spec.template.spec.containers[0].args}");
        API.kubectl().ok("patch", "daemonset", ds, "-n", NS, "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/args\",\"value\":[\"--debug=false\"]}]");
        cluster.waitFor("daemonset", ds, "{.spec.template.spec.containers[0].args}", args);

        String uid = cluster.get("daemonset", ds, "{.metadata.uid}");
        API.kubectl().ok("delete", "daemonset", ds, "-n", NS);
        String newUid = cluster.waitForObject("daemonset", ds, "{.metadata.uid}");
        assertNotEquals(uid, newUid);
        assertEquals(args, cluster.get("daemonset", ds, "{.spec.template.spec.containers[0].args}"));

        String config = cluster.get("configmap", EXAMPLE, "{.data.aide\\.conf}");
        String requests = "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-requests}";
        String requestsBefore = cluster.get("configmap", EXAMPLE, requests);
        API.kubectl().ok("patch", "configmap", EXAMPLE, "-n", NS, "--type=merge", "-p",
                "{\"data\":{\"aide.conf\":\"/ R\\n\"},\"metadata\":{\"labels\":{\"file-integrity.openshift.io/owner\":null}}}");
        cluster.waitFor("configmap", EXAMPLE, "{.metadata.labels.file-integrity\\.openshift\\.io/owner}", EXAMPLE);
        assertEquals(config, cluster.get("configmap", EXAMPLE, "{.data.aide\\.conf}"));
        assertEquals("restoring is no config change: no re-init that would accept changes made meanwhile",
                requestsBefore, cluster.get("configmap", EXAMPLE, requests));

        API.kubectl().ok("delete", "configmap", EXAMPLE, "-n", NS);
        Eventually.until("config ConfigMap recreated with the same text", Duration.ofSeconds(60), cluster::diagnostics,
                () -> cluster.exists("configmap", EXAMPLE) ? cluster.get("configmap", EXAMPLE, "{.data.aide\\.conf}") : "",
                config::equals);
    }

    @Test
    public void a09_statusesOfDeletedNodesAreRemoved() throws Exception {
        cluster.createNode("worker-9", Map.of("node-role.kubernetes.io/worker", ""), null);
        cluster.reportNode(EXAMPLE, "worker-9", "Succeeded", TIME, "");
        API.kubectl().ok("delete", "node", "worker-9");
        Eventually.until("node status of the deleted node removed", Duration.ofSeconds(60), cluster::diagnostics,
                () -> cluster.exists("fileintegritynodestatus", EXAMPLE + "-worker-9"), exists -> !exists);
        assertTrue("the status of a node that still exists stays", cluster.exists("fileintegritynodestatus", EXAMPLE + "-worker-0"));
    }

    @Test
    public void a10_aMachineConfigUpdateHoldsTheNodeOffThenReinitsIt() throws Exception {
        String mco = "machineconfiguration.openshift.io/";
        API.kubectl().ok("annotate", "node", "worker-2", "--overwrite", mco + "currentConfig=rendered-worker-1",
                mco + "desiredConfig=rendered-worker-2", mco + "state=Working");
        cluster.waitFor("fileintegrity", EXAMPLE, "{.metadata.annotations.file-integrity\\.openshift\\.io/holdoff}", "worker-2");
        API.kubectl().ok("annotate", "node", "worker-2", "--overwrite", mco + "currentConfig=rendered-worker-2", mco + "state=Done");
        cluster.waitFor("fileintegrity", EXAMPLE, "{.metadata.annotations.file-integrity\\.openshift\\.io/holdoff}", "");
        String requests = cluster.get("configmap", EXAMPLE, "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-requests}");
        assertTrue("a re-init token for the updated node: " + requests, requests.matches("(.*,)?worker-2=\\d+(,.*)?"));
    }

    @Test
    public void a11_theReinitAnnotationBecomesATokenForTheAgentsAndIsRemoved() throws Exception {
        API.kubectl().ok("annotate", "fileintegrity", EXAMPLE, "-n", NS, "file-integrity.openshift.io/re-init=worker-0");
        cluster.waitFor("fileintegrity", EXAMPLE, "{.metadata.annotations.file-integrity\\.openshift\\.io/re-init}", "");
        String requests = cluster.get("configmap", EXAMPLE, "{.metadata.annotations.fio\\.fileintegrity\\.io/reinit-requests}");
        assertTrue(requests, requests.matches("(.*,)?worker-0=\\d+(,.*)?"));
    }

    @Test
    public void a12_anIdleOperatorSendsNoRequestButItsLeaseRenewals() throws Exception {
        Thread.sleep(3_000); // the watch events of the earlier scenarios' writes
        Path audit = API.stateDir().resolve("audit.log");
        long seen = Files.readAllLines(audit).size();
        Thread.sleep(12_000); // two informer resyncs (5 s): every FileIntegrity reconciled twice
        List<String> operatorRequests = Files.readAllLines(audit).stream().skip(seen)
                .filter(l -> l.contains("\"userAgent\":\"fabric8-kubernetes-client"))
                .filter(l -> l.contains("\"stage\":\"ResponseComplete\"")).toList();
        List<String> leases = operatorRequests.stream().filter(l -> l.contains("\"resource\":\"leases\"")).toList();
        assertTrue("the Lease is renewed every 2 s", leases.size() >= 4);
        List<String> others = operatorRequests.stream().filter(l -> !leases.contains(l))
                .map(l -> l.replaceAll(".*\"verb\":\"([a-z]+)\".*\"objectRef\":\\{\"resource\":\"([a-z]+)\".*", "$1 $2")).toList();
        assertEquals("reads come from the informers' caches, writes only when something differs", List.of(), others);
    }
}
