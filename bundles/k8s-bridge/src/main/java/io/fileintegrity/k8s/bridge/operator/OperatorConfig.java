package io.fileintegrity.k8s.bridge.operator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code io.fileintegrity.k8s.operator}: its presence starts the operator role. */
@ObjectClassDefinition(id = OperatorComponent.PID, name = "FIO operator",
        description = "Runs the FileIntegrity operator (fio operator). Exists only in the operator role.")
public @interface OperatorConfig {

    @AttributeDefinition(description = "Namespace to watch for FileIntegrity objects. Empty: WATCH_NAMESPACE, then the"
            + " service account's namespace, then openshift-file-integrity.")
    String namespace() default "";

    @AttributeDefinition(description = "Path of a kubeconfig file. Empty: KUBECONFIG, ~/.kube/config, then in-cluster.")
    String kubeconfig() default "";

    @AttributeDefinition(description = "Image of the agent pods. Empty: RELATED_IMAGE_OPERATOR, then the image of"
            + " Deployment file-integrity-operator.")
    String image() default "";

    @AttributeDefinition(description = "Command starting the agent in that image; the agent's arguments follow it.")
    String[] agentCommand() default {"/opt/fio/bin/fio", "agent"};

    @AttributeDefinition(description = "Service account of the agent pods.")
    String agentServiceAccount() default "file-integrity-daemon";

    @AttributeDefinition(description = "Name of the coordination.k8s.io Lease used for leader election.")
    String leaseName() default "962a0cf2.openshift.io";

    @AttributeDefinition(description = "Seconds between full resyncs of every FileIntegrity (default 30, minimum 5).")
    int resyncSeconds() default 30;
}
