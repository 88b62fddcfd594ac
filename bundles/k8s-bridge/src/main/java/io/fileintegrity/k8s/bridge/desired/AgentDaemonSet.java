package io.fileintegrity.k8s.bridge.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fileintegrity.k8s.bridge.convert.AideConfConverter;
import io.fileintegrity.k8s.bridge.crd.FileIntegrity;
import io.fileintegrity.k8s.bridge.crd.FileIntegrityConfig;
import io.fileintegrity.k8s.bridge.crd.FileIntegritySpec;
import io.fileintegrity.k8s.bridge.crd.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired check DaemonSet {@code aide-<fi>} of a FileIntegrity: one privileged agent pod per selected
 * node with the host's {@code /} at {@code /hostroot}, shaped like FIO's (fio-operator.md §5.1) except that
 * the container runs {@code fio agent} and reads its configuration through the API instead of a volume.
 */
public final class AgentDaemonSet {

    /** The agent container's name, as in FIO. */
    public static final String CONTAINER = "daemon";
    /** FIO's default tolerations, used when the spec has none (the CRD default normally fills them in). */
    public static final List<Toleration> DEFAULT_TOLERATIONS = List.of(
            new TolerationBuilder().withKey("node-role.kubernetes.io/master").withOperator("Exists")
                    .withEffect("NoSchedule").build(),
            new TolerationBuilder().withKey("node-role.kubernetes.io/infra").withOperator("Exists")
                    .withEffect("NoSchedule").build());

    private AgentDaemonSet() {
    }

    /** The DaemonSet for {@code fi}, run with {@code settings}. */
    public static DaemonSet build(FileIntegrity fi, AgentSettings settings) {
        String name = ObjectNames.daemonSet(fi.getMetadata().getName());
        Map<String, String> podLabels = new LinkedHashMap<>();
        podLabels.put(Labels.APP, name);
        podLabels.put(Labels.POD, "");
        podLabels.put(Labels.OWNER, fi.getMetadata().getName());
        return new DaemonSetBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(fi.getMetadata().getNamespace())
                    .addToLabels(Labels.OWNER, fi.getMetadata().getName())
                    .withOwnerReferences(OwnerReferences.controllerOf(fi))
                .endMetadata()
                .withNewSpec()
                    .withNewSelector().addToMatchLabels(Labels.APP, name).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withSpec(podSpec(fi, settings))
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static PodSpec podSpec(FileIntegrity fi, AgentSettings settings) {
        FileIntegritySpec spec = fi.getSpec();
        return new PodSpecBuilder()
                .withNodeSelector(spec.getNodeSelector() == null ? Map.of() : new LinkedHashMap<>(spec.getNodeSelector()))
                .withTolerations(tolerations(spec))
                .withPriorityClassName(emptyToNull(spec.getPriorityClassName()))
                .withServiceAccountName(settings.serviceAccount())
                .withContainers(container(fi, settings))
                .withVolumes(hostRootVolume(), new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build())
                .build();
    }

    private static Container container(FileIntegrity fi, AgentSettings settings) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(settings.image())
                .withCommand(settings.command())
                .withArgs(arguments(fi))
                .withNewSecurityContext().withPrivileged(true).withRunAsUser(0L).endSecurityContext()
                .addNewEnv().withName("NODE_NAME")
                    .withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef().endValueFrom()
                .endEnv()
                .addNewVolumeMount().withName("hostroot").withMountPath(AideConfConverter.HOST_ROOT)
                    .withMountPropagation("HostToContainer").endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .withNewResources()
                    .addToRequests("memory", new Quantity("40Mi")).addToRequests("cpu", new Quantity("40m"))
                    .addToLimits("memory", new Quantity("600Mi")).addToLimits("cpu", new Quantity("300m"))
                .endResources()
                .build();
    }

    /** The agent's arguments: everything whose change must restart the agents (FIO restarts its pods too). */
    static List<String> arguments(FileIntegrity fi) {
        FileIntegrityConfig config = fi.getSpec().getConfig() == null ? new FileIntegrityConfig() : fi.getSpec().getConfig();
        List<String> args = new ArrayList<>();
        args.add("--name=" + fi.getMetadata().getName());
        args.add("--namespace=" + fi.getMetadata().getNamespace());
        args.add("--provider=" + fi.getSpec().providerName());
        args.add("--interval=" + config.effectiveGracePeriod());
        args.add("--maxBackups=" + config.effectiveMaxBackups());
        args.add("--debug=" + fi.getSpec().debugEnabled());
        return args;
    }

    private static List<Toleration> tolerations(FileIntegritySpec spec) {
        return spec.getTolerations() == null ? DEFAULT_TOLERATIONS : List.copyOf(spec.getTolerations());
    }

    private static Volume hostRootVolume() {
        return new VolumeBuilder().withName("hostroot").withNewHostPath().withPath("/").endHostPath().build();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
