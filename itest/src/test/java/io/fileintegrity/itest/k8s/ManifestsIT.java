package io.fileintegrity.itest.k8s;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The install manifests of {@code bundles/k8s-bridge/src/main/k8s} applied with kubectl as an administrator
 * would, and their RBAC checked on the real authorizer: the operator and the agents can do what they need and
 * nothing more.
 */
public class ManifestsIT {

    private static final String NS = "openshift-file-integrity";
    private static final String OPERATOR = "system:serviceaccount:" + NS + ":file-integrity-operator";
    private static final String DAEMON = "system:serviceaccount:" + NS + ":file-integrity-daemon";

    @ClassRule
    public static final ApiServerRule API = new ApiServerRule();

    @BeforeClass
    public static void installAsAnAdministratorWould() throws Exception {
        Kubectl kubectl = API.kubectl();
        kubectl.ok("apply", "-f", RepositoryFiles.manifests().resolve("crds").toString());
        kubectl.ok("wait", "--for=condition=Established", "--timeout=60s", "crd",
                "fileintegrities.fileintegrity.openshift.io", "fileintegritynodestatuses.fileintegrity.openshift.io");
        kubectl.ok("apply", "-f", RepositoryFiles.manifests().toString());
    }

    @Test
    public void everyObjectOfTheManifestsExistsAfterApply() throws Exception {
        Kubectl kubectl = API.kubectl();
        assertEquals("file-integrity-daemon file-integrity-operator",
                kubectl.ok("get", "serviceaccounts", "-n", NS, "-o", "jsonpath={.items[*].metadata.name}",
                        "--field-selector", "metadata.name!=default"));
        assertEquals("file-integrity-operator", kubectl.ok("get", "deployment", "-n", NS, "-o", "name")
                .trim().replace("deployment.apps/", ""));
        assertEquals("file-integrity-operator", kubectl.jsonpath("deployment", "file-integrity-operator", NS,
                "{.spec.template.spec.serviceAccountName}"));
        assertEquals("privileged", kubectl.ok("get", "namespace", NS, "-o",
                "jsonpath={.metadata.labels.pod-security\\.kubernetes\\.io/enforce}"));
        assertEquals("aide 900 5", kubectl.jsonpath("fileintegrities", "worker-fileintegrity", NS,
                "{.spec.provider} {.spec.config.gracePeriod} {.spec.config.maxBackups}"));
    }

    @Test
    public void applyingTheManifestsAgainChangesNothing() throws Exception {
        String again = API.kubectl().ok("apply", "-f", RepositoryFiles.manifests().toString());
        List<String> changed = again.lines().filter(l -> !l.endsWith(" unchanged")).toList();
        assertEquals(again, List.of(), changed);
    }

    @Test
    public void theOptionalServingCertPatchesTurnOnTlsForTheMetricsPort() throws Exception {
        Kubectl kubectl = API.kubectl();
        Path patches = RepositoryFiles.manifests().resolve("optional/serving-cert");
        kubectl.ok("-n", NS, "patch", "service", "metrics", "--patch-file", patches.resolve("service.patch.yaml").toString());
        kubectl.ok("-n", NS, "patch", "deployment", "file-integrity-operator", "--patch-file",
                patches.resolve("deployment.patch.yaml").toString());
        assertEquals("file-integrity-operator-serving-cert", kubectl.jsonpath("service", "metrics", NS,
                "{.metadata.annotations.service\\.beta\\.openshift\\.io/serving-cert-secret-name}"));
        assertEquals("[\"/opt/fio/bin/fio\",\"operator\"] [\"--metricsCertFile=/var/run/secrets/serving-cert/tls.crt\","
                + "\"--metricsKeyFile=/var/run/secrets/serving-cert/tls.key\"]",
                kubectl.jsonpath("deployment", "file-integrity-operator", NS,
                        "{.spec.template.spec.containers[0].command} {.spec.template.spec.containers[0].args}"));
        assertEquals("file-integrity-operator-serving-cert true /var/run/secrets/serving-cert",
                kubectl.jsonpath("deployment", "file-integrity-operator", NS,
                        "{.spec.template.spec.volumes[?(@.name=='serving-cert')].secret.secretName} "
                                + "{.spec.template.spec.volumes[?(@.name=='serving-cert')].secret.optional} "
                                + "{.spec.template.spec.containers[0].volumeMounts[?(@.name=='serving-cert')].mountPath}"));
    }

    @Test
    public void theOptionalMonitoringObjectsApplyOnlyWhereTheirCrdsExist() throws Exception {
        Kubectl kubectl = API.kubectl();
        String monitoring = RepositoryFiles.manifests().resolve("optional/monitoring").toString();
        if (kubectl.run("get", "crd", "prometheusrules.monitoring.coreos.com").exitCode() != 0) {
            Kubectl.Result without = kubectl.run("apply", "-f", monitoring);
            assertTrue(without.err(), without.err().contains("no matches for kind"));
        }
        for (String kind : List.of("ServiceMonitor", "PrometheusRule")) {
            kubectl.okWithInput(StandInCrd.yaml(kind), "apply", "-f", "-");
        }
        kubectl.ok("wait", "--for=condition=Established", "--timeout=60s", "crd/servicemonitors.monitoring.coreos.com",
                "crd/prometheusrules.monitoring.coreos.com");
        kubectl.ok("apply", "-f", monitoring);
        assertEquals("NodeHasIntegrityFailure file_integrity_operator_node_failed{node=~\".+\"} * on(node) kube_node_info > 0 1s",
                kubectl.jsonpath("prometheusrules.monitoring.coreos.com", "file-integrity", NS,
                        "{.spec.groups[0].rules[0].alert} {.spec.groups[0].rules[0].expr} {.spec.groups[0].rules[0].for}"));
        assertEquals("metrics-fio /metrics-fio https", kubectl.jsonpath("servicemonitors.monitoring.coreos.com", "metrics", NS,
                "{.spec.endpoints[0].port} {.spec.endpoints[0].path} {.spec.endpoints[0].scheme}"));
    }

    @Test
    public void theOperatorMayDoWhatReconcilingNeeds() throws Exception {
        assertAllowed(OPERATOR, NS, "watch fileintegrities.fileintegrity.openshift.io",
                "update fileintegrities.fileintegrity.openshift.io",
                "patch fileintegrities.fileintegrity.openshift.io/status",
                "list fileintegritynodestatuses.fileintegrity.openshift.io",
                "delete fileintegritynodestatuses.fileintegrity.openshift.io",
                "create configmaps", "update configmaps", "watch configmaps", "delete configmaps",
                "create daemonsets.apps", "update daemonsets.apps", "delete daemonsets.apps",
                "get deployments.apps/file-integrity-operator", "create events",
                "create leases.coordination.k8s.io", "update leases.coordination.k8s.io", "patch leases.coordination.k8s.io",
                "watch nodes", "get priorityclasses.scheduling.k8s.io");
    }

    @Test
    public void theOperatorMayNotTouchSecretsPodsNodesOrOtherNamespaces() throws Exception {
        assertDenied(OPERATOR, NS, "get secrets", "create pods", "delete pods", "patch nodes", "delete nodes",
                "create fileintegrities.fileintegrity.openshift.io", "delete fileintegrities.fileintegrity.openshift.io",
                "get deployments.apps/some-other-deployment", "create rolebindings.rbac.authorization.k8s.io");
        assertDenied(OPERATOR, "kube-system", "create daemonsets.apps", "create configmaps",
                "watch fileintegrities.fileintegrity.openshift.io");
    }

    @Test
    public void theAgentsMayReportTheirResults() throws Exception {
        assertAllowed(DAEMON, NS, "watch fileintegrities.fileintegrity.openshift.io",
                "create fileintegritynodestatuses.fileintegrity.openshift.io",
                "patch fileintegritynodestatuses.fileintegrity.openshift.io",
                "create configmaps", "update configmaps", "watch configmaps");
    }

    @Test
    public void theAgentsMayNotChangeWhatTheOperatorOwns() throws Exception {
        assertDenied(DAEMON, NS, "update fileintegrities.fileintegrity.openshift.io",
                "patch fileintegrities.fileintegrity.openshift.io/status",
                "delete fileintegritynodestatuses.fileintegrity.openshift.io", "delete configmaps",
                "update daemonsets.apps", "get secrets", "create pods", "list nodes");
        assertDenied(DAEMON, "kube-system", "create configmaps",
                "create fileintegritynodestatuses.fileintegrity.openshift.io");
    }

    private static void assertAllowed(String user, String namespace, String... verbAndResource) throws Exception {
        for (String check : verbAndResource) {
            assertEquals(user + " may " + check + " in " + namespace, "yes", canI(user, namespace, check));
        }
    }

    private static void assertDenied(String user, String namespace, String... verbAndResource) throws Exception {
        for (String check : verbAndResource) {
            assertEquals(user + " may not " + check + " in " + namespace, "no", canI(user, namespace, check));
        }
    }

    /** {@code kubectl auth can-i VERB RESOURCE --as USER -n NS}: "yes" or "no" (it exits 1 for no). */
    private static String canI(String user, String namespace, String verbAndResource) throws Exception {
        String[] parts = verbAndResource.split(" ");
        Kubectl.Result result = API.kubectl().run("auth", "can-i", parts[0], parts[1], "--as", user, "-n", namespace);
        if (result.exitCode() > 1) {
            throw new AssertionError("kubectl auth can-i " + verbAndResource + " failed: " + result.err());
        }
        return result.out().trim();
    }
}
