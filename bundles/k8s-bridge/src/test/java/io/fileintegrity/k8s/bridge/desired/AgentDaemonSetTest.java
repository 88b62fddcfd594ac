package io.fileintegrity.k8s.bridge.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentDaemonSetTest {

    private static final AgentSettings SETTINGS =
            new AgentSettings("quay.io/example/fio:1", List.of("/opt/fio/bin/fio", "agent"), "file-integrity-daemon");

    private static FileIntegrity fi() {
        FileIntegrity fi = FileIntegrities.named("openshift-file-integrity", "worker-fi");
        fi.getSpec().setNodeSelector(Map.of("node-role.kubernetes.io/worker", ""));
        fi.getSpec().getConfig().setGracePeriod(5);
        fi.getSpec().setDebug(true);
        fi.getSpec().setProvider("ostree");
        return fi;
    }

    @Test
    void daemonSetIsNamedOwnedAndSelectedAsFiosIs() {
        DaemonSet ds = AgentDaemonSet.build(fi(), SETTINGS);
        assertEquals("aide-worker-fi", ds.getMetadata().getName());
        assertEquals("openshift-file-integrity", ds.getMetadata().getNamespace());
        assertEquals(Map.of("file-integrity.openshift.io/owner", "worker-fi"), ds.getMetadata().getLabels());
        assertEquals("worker-fi", ds.getMetadata().getOwnerReferences().get(0).getName());
        assertEquals(Boolean.TRUE, ds.getMetadata().getOwnerReferences().get(0).getController());
        assertEquals(Map.of("app", "aide-worker-fi"), ds.getSpec().getSelector().getMatchLabels());
        assertEquals(Map.of("app", "aide-worker-fi", "file-integrity.openshift.io/pod", "",
                "file-integrity.openshift.io/owner", "worker-fi"), ds.getSpec().getTemplate().getMetadata().getLabels());
    }

    @Test
    void podRunsThisImagesAgentPrivilegedWithHostRootAndNodeName() {
        PodSpec pod = AgentDaemonSet.build(fi(), SETTINGS).getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertEquals("quay.io/example/fio:1", c.getImage());
        assertEquals(List.of("/opt/fio/bin/fio", "agent"), c.getCommand());
        assertEquals(List.of("--name=worker-fi", "--namespace=openshift-file-integrity", "--provider=ostree",
                "--interval=10", "--maxBackups=5", "--debug=true"), c.getArgs());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getPrivileged());
        assertEquals("spec.nodeName", c.getEnv().get(0).getValueFrom().getFieldRef().getFieldPath());
        assertEquals("NODE_NAME", c.getEnv().get(0).getName());
        assertEquals("/hostroot", c.getVolumeMounts().get(0).getMountPath());
        assertEquals("HostToContainer", c.getVolumeMounts().get(0).getMountPropagation());
        assertEquals("/", pod.getVolumes().get(0).getHostPath().getPath());
        assertEquals("file-integrity-daemon", pod.getServiceAccountName());
        assertEquals("600Mi", c.getResources().getLimits().get("memory").toString());
        assertEquals(Map.of("node-role.kubernetes.io/worker", ""), pod.getNodeSelector());
    }

    @Test
    void missingTolerationsGetFiosDefaultAndGivenOnesReplaceIt() {
        FileIntegrity fi = fi();
        assertEquals(AgentDaemonSet.DEFAULT_TOLERATIONS,
                AgentDaemonSet.build(fi, SETTINGS).getSpec().getTemplate().getSpec().getTolerations());
        Toleration own = new TolerationBuilder().withKey("fi-e2e").withOperator("Equal").withValue("v")
                .withEffect("NoSchedule").build();
        fi.getSpec().setTolerations(List.of(own));
        assertEquals(List.of(own), AgentDaemonSet.build(fi, SETTINGS).getSpec().getTemplate().getSpec().getTolerations());
    }

    @Test
    void priorityClassIsSetOnlyWhenGiven() {
        FileIntegrity fi = fi();
        assertNull(AgentDaemonSet.build(fi, SETTINGS).getSpec().getTemplate().getSpec().getPriorityClassName());
        fi.getSpec().setPriorityClassName("system-node-critical");
        assertEquals("system-node-critical",
                AgentDaemonSet.build(fi, SETTINGS).getSpec().getTemplate().getSpec().getPriorityClassName());
    }

    @Test
    void providerDefaultsToAideAndGracePeriodToNineHundred() {
        FileIntegrity fi = FileIntegrities.named("ns", "fi");
        List<String> args = AgentDaemonSet.arguments(fi);
        assertTrue(args.contains("--provider=aide"), args.toString());
        assertTrue(args.contains("--interval=900"), args.toString());
        assertTrue(args.contains("--debug=false"), args.toString());
    }
}
