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
            "                    [--metricsPort=8585] [--metricsBindAddress=0.0.0.0]",
            "                    [--metricsCertFile=PEM --metricsKeyFile=PEM]",
            "Watches FileIntegrity objects in NS (default: WATCH_NAMESPACE, then the service account's namespace).",
            "Serves FIO's metrics on :PORT/metrics-fio (0: off), over TLS when a certificate and key are given.",
            "Exit codes: 0 stopped, 64 bad arguments, 74 configuration not stored.");

    /** The reporting bundle's metrics port configuration (MetricsHttpEndpoint). */
    static final String METRICS_PID = "io.fileintegrity.reporting.metrics";
    /** FIO's metrics port. */
    static final int METRICS_PORT = 8585;

    private static final Map<String, RoleArguments.Type> TYPES = Map.ofEntries(
            Map.entry("namespace", RoleArguments.Type.STRING), Map.entry("kubeconfig", RoleArguments.Type.STRING),
            Map.entry("image", RoleArguments.Type.STRING), Map.entry("agentCommand", RoleArguments.Type.STRINGS),
            Map.entry("agentServiceAccount", RoleArguments.Type.STRING), Map.entry("leaseName", RoleArguments.Type.STRING),
            Map.entry("resyncSeconds", RoleArguments.Type.INT), Map.entry("metricsPort", RoleArguments.Type.INT),
            Map.entry("metricsBindAddress", RoleArguments.Type.STRING),
            Map.entry("metricsCertFile", RoleArguments.Type.STRING), Map.entry("metricsKeyFile", RoleArguments.Type.STRING));

    private static final RoleCommand.SideConfiguration METRICS = new RoleCommand.SideConfiguration(METRICS_PID,
            Map.of("metricsPort", "port", "metricsBindAddress", "bindAddress", "metricsCertFile", "tlsCertificateFile",
                    "metricsKeyFile", "tlsKeyFile"),
            Map.of("port", METRICS_PORT, "bindAddress", "0.0.0.0"));

    private final ConfigurationAdmin configAdmin;
    private final RoleCommand role = new RoleCommand("operator", OperatorComponent.PID, USAGE, TYPES, METRICS);

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
