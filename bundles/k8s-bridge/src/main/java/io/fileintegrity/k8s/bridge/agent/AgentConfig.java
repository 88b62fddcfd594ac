package io.fileintegrity.k8s.bridge.agent;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code io.fileintegrity.k8s.agent}: its presence starts the agent role ({@code fio agent}). */
@ObjectClassDefinition(id = AgentComponent.PID, name = "FIO node agent",
        description = "Checks this node for one FileIntegrity and reports to the API server. Exists only in agent pods.")
public @interface AgentConfig {

    @AttributeDefinition(description = "Name of the FileIntegrity (the DaemonSet passes --name).")
    String name();

    @AttributeDefinition(description = "Namespace of the FileIntegrity (the DaemonSet passes --namespace).")
    String namespace();

    @AttributeDefinition(description = "This node's name. Empty: the NODE_NAME environment variable.")
    String nodeName() default "";

    @AttributeDefinition(description = "Where the host's / is mounted.")
    String hostRoot() default "/hostroot";

    @AttributeDefinition(description = "Directory on the host (below hostRoot) for baselines, logs and the agent's"
            + " configuration files; one subdirectory per FileIntegrity and provider.")
    String stateRoot() default "/hostroot/etc/kubernetes/fio";

    @AttributeDefinition(description = "Path of a kubeconfig file. Empty: in-cluster service account.")
    String kubeconfig() default "";

    @AttributeDefinition(description = "Passed by the DaemonSet so a change restarts the pod; the agent reads the"
            + " FileIntegrity itself. Provider name.")
    String provider() default "";

    @AttributeDefinition(description = "Passed by the DaemonSet; seconds between scans as set in the FileIntegrity.")
    long interval() default 900;

    @AttributeDefinition(description = "Passed by the DaemonSet; backups kept on re-init as set in the FileIntegrity.")
    int maxBackups() default 5;

    @AttributeDefinition(description = "Cap on the CPU one scan uses, in percent of one core (30 = 300m), kept by"
            + " pausing between files; 0 for none (the pod's CPU limit still applies).")
    int maxCpuPercent() default 0;

    @AttributeDefinition(description = "Debug log lines.")
    boolean debug() default false;
}
