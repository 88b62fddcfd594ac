package io.fileintegrity.itest.k8s;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * FIO's ownership model on the generated CRDs with a real garbage collector: node statuses and failure
 * ConfigMaps owned by their FileIntegrity (controller ownerReference, as the operator and agents write them)
 * go away with it, so {@code kubectl delete fileintegrity} cleans up on a real cluster.
 */
public class OwnerReferencesIT {

    private static final String NS = "openshift-file-integrity";

    @ClassRule
    public static final ApiServerRule API = ApiServerRule.withControllers("garbage-collector-controller");

    @BeforeClass
    public static void applyTheGeneratedCrds() throws Exception {
        Kubectl kubectl = API.kubectl();
        for (var crd : RepositoryFiles.generatedCrds()) {
            kubectl.ok("apply", "-f", crd.toString());
        }
        kubectl.ok("wait", "--for=condition=Established", "--timeout=60s", "crd",
                "fileintegrities.fileintegrity.openshift.io", "fileintegritynodestatuses.fileintegrity.openshift.io");
        kubectl.okWithInput("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NS + "\n", "apply", "-f", "-");
    }

    @Test
    public void deletingAFileIntegrityRemovesTheNodeStatusAndFailureLogItOwns() throws Exception {
        String uid = createFileIntegrity("owner-background");
        createDependents("owner-background", uid);

        API.kubectl().ok("delete", "fileintegrity", "owner-background", "-n", NS);

        API.kubectl().ok("wait", "--for=delete", "--timeout=90s", "-n", NS,
                "fileintegritynodestatus/owner-background-worker-0", "configmap/aide-owner-background-worker-0-failed");
        assertGone("fileintegritynodestatus/owner-background-worker-0");
        assertGone("configmap/aide-owner-background-worker-0-failed");
    }

    @Test
    public void aForegroundDeleteReturnsOnlyAfterTheDependentsAreGone() throws Exception {
        String uid = createFileIntegrity("owner-foreground");
        createDependents("owner-foreground", uid);

        API.kubectl().ok("delete", "fileintegrity", "owner-foreground", "-n", NS, "--cascade=foreground",
                "--timeout=90s");

        assertGone("fileintegrity/owner-foreground");
        assertGone("fileintegritynodestatus/owner-foreground-worker-0");
        assertGone("configmap/aide-owner-foreground-worker-0-failed");
    }

    @Test
    public void aNodeStatusWithoutOwnerReferenceOutlivesItsFileIntegrity() throws Exception {
        createFileIntegrity("owner-none");
        API.kubectl().okWithInput(nodeStatus("owner-none", ""), "apply", "-f", "-");

        API.kubectl().ok("delete", "fileintegrity", "owner-none", "-n", NS, "--cascade=foreground", "--timeout=90s");

        assertEquals("worker-0", API.kubectl().jsonpath("fileintegritynodestatus", "owner-none-worker-0", NS,
                "{.nodeName}"));
    }

    private static String createFileIntegrity(String name) throws Exception {
        String sample = Files.readString(RepositoryFiles.samples().resolve("fio-example.yaml"))
                .replace("name: example-fileintegrity", "name: " + name);
        API.kubectl().okWithInput(sample, "apply", "-f", "-");
        String uid = API.kubectl().jsonpath("fileintegrity", name, NS, "{.metadata.uid}");
        assertTrue(uid, uid.length() > 30);
        return uid;
    }

    private static void createDependents(String fi, String uid) throws Exception {
        String owner = "  ownerReferences:\n  - apiVersion: fileintegrity.openshift.io/v1alpha1\n    kind: FileIntegrity\n"
                + "    name: " + fi + "\n    uid: " + uid + "\n    controller: true\n    blockOwnerDeletion: true\n";
        API.kubectl().okWithInput(nodeStatus(fi, owner), "apply", "-f", "-");
        API.kubectl().okWithInput("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aide-" + fi + "-worker-0-failed\n"
                + "  namespace: " + NS + "\n  labels:\n    file-integrity.openshift.io/owner: " + fi + "\n"
                + "    file-integrity.openshift.io/result-log: \"\"\n" + owner
                + "data:\n  integritylog: \"changed: /hostroot/etc/resolv.conf\"\n", "apply", "-f", "-");
    }

    private static String nodeStatus(String fi, String ownerReferences) throws Exception {
        String sample = Files.readString(RepositoryFiles.samples().resolve("fio-node-status.yaml"))
                .replace("example-fileintegrity", fi);
        return sample.replace("  labels:\n", ownerReferences + "  labels:\n");
    }

    private static void assertGone(String resource) throws Exception {
        Kubectl.Result get = API.kubectl().run("get", resource, "-n", NS);
        assertTrue(resource + " still exists: " + get.out(), get.err().contains("NotFound"));
    }
}
