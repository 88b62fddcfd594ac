package io.fileintegrity.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code fio version}: this distribution's version, the OSGi framework and the Java runtime. */
@Component(service = Subcommand.class)
@SubcommandName("version")
public class VersionCommand implements Subcommand {

    private final String version;
    private final String framework;

    @Activate
    public VersionCommand(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        this.framework = system.getSymbolicName() + " " + system.getVersion()
                + " (OSGi framework API " + context.getProperty(Constants.FRAMEWORK_VERSION) + ")";
    }

    @Override
    public String summary() {
        return "print the version of fio, the OSGi framework and Java";
    }

    @Override
    public int run(CommandInvocation invocation) {
        if (invocation.args().contains("--help")) {
            invocation.out().println("Usage: fio version");
            return 0;
        }
        invocation.out().println("fio " + version);
        invocation.out().println("framework " + framework);
        invocation.out().println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        return 0;
    }
}
