package io.fileintegrity.k8s.bridge.command;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import io.fileintegrity.k8s.bridge.operator.OperatorComponent;
import java.util.List;
import java.util.Map;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** {@code fio operator}: runs the FileIntegrity operator until the runtime stops. */
@Component(service = Subcommand.class)
@SubcommandName("operator")
public class OperatorCommand implements Subcommand {

    static final String USAGE = String.join("\n",
            "usage: fio operator [--namespace=NS] [--kubeconfig=FILE] [--image=IMAGE] [--agentCommand=CMD,ARG...]",
            "                    [--agentServiceAccount=SA] [--leaseName=NAME] [--resyncSeconds=N]",
            "Watches FileIntegrity objects in NS (default: WATCH_NAMESPACE, then the service account's namespace).",
            "Exit codes: 0 stopped, 64 bad arguments, 74 configuration not stored.");

    private static final Map<String, RoleArguments.Type> TYPES = Map.of(
            "namespace", RoleArguments.Type.STRING, "kubeconfig", RoleArguments.Type.STRING,
            "image", RoleArguments.Type.STRING, "agentCommand", RoleArguments.Type.STRINGS,
            "agentServiceAccount", RoleArguments.Type.STRING, "leaseName", RoleArguments.Type.STRING,
            "resyncSeconds", RoleArguments.Type.INT);

    private final ConfigurationAdmin configAdmin;
    private final RoleCommand role = new RoleCommand("operator", OperatorComponent.PID, USAGE, TYPES);

    @Activate
    public OperatorCommand(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Deactivate
    void deactivate() {
        role.stop();
    }

    @Override
    public String summary() {
        return "run the FileIntegrity operator (Kubernetes)";
    }

    @Override
    public int run(CommandInvocation invocation) {
        return role.run(invocation, configAdmin, Map.of(), List.of());
    }
}
