package io.fileintegrity.k8s.bridge.command;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import io.fileintegrity.k8s.bridge.agent.AgentComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** {@code fio agent}: checks this node for one FileIntegrity until the runtime stops (run by the DaemonSet). */
@Component(service = Subcommand.class)
@SubcommandName("agent")
public class AgentCommand implements Subcommand {

    static final String USAGE = String.join("\n",
            "usage: fio agent --name=FILEINTEGRITY --namespace=NS [--nodeName=NODE] [--hostRoot=/hostroot]",
            "                 [--stateRoot=DIR] [--kubeconfig=FILE] [--provider=P] [--interval=S] [--maxBackups=N] [--debug]",
            "                 [--maxCpuPercent=N]   CPU cap per scan in percent of one core, paced between files (0: none)",
            "Defaults from the environment: NODE_NAME, FIO_FILEINTEGRITY, POD_NAMESPACE.",
            "Exit codes: 0 stopped, 64 bad arguments, 74 configuration not stored.");

    private static final Map<String, RoleArguments.Type> TYPES = Map.ofEntries(
            Map.entry("name", RoleArguments.Type.STRING), Map.entry("namespace", RoleArguments.Type.STRING),
            Map.entry("nodeName", RoleArguments.Type.STRING), Map.entry("hostRoot", RoleArguments.Type.STRING),
            Map.entry("stateRoot", RoleArguments.Type.STRING), Map.entry("kubeconfig", RoleArguments.Type.STRING),
            Map.entry("provider", RoleArguments.Type.STRING), Map.entry("interval", RoleArguments.Type.LONG),
            Map.entry("maxBackups", RoleArguments.Type.INT), Map.entry("debug", RoleArguments.Type.BOOLEAN),
            Map.entry("maxCpuPercent", RoleArguments.Type.INT));

    private final ConfigurationAdmin configAdmin;
    private final RoleCommand role = new RoleCommand("agent", AgentComponent.PID, USAGE, TYPES);

    @Activate
    public AgentCommand(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Deactivate
    void deactivate() {
        role.stop();
    }

    @Override
    public String summary() {
        return "check this node for one FileIntegrity (run by the operator's DaemonSet)";
    }

    @Override
    public int run(CommandInvocation invocation) {
        Map<String, String> env = invocation.environment();
        Map<String, String> defaults = new HashMap<>();
        defaults.put("nodeName", env.get("NODE_NAME"));
        defaults.put("name", env.get("FIO_FILEINTEGRITY"));
        defaults.put("namespace", env.get("POD_NAMESPACE"));
        return role.run(invocation, configAdmin, defaults, List.of("name", "namespace", "nodeName"));
    }
}
