package io.fileintegrity.cli;

import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import java.io.PrintStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code fio providers}: the integrity providers registered in this runtime, dropped-in ones included. */
@Component(service = Subcommand.class)
@SubcommandName("providers")
public class ProvidersCommand implements Subcommand {

    private final ProviderRegistry registry;

    @Activate
    public ProvidersCommand(@Reference ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String summary() {
        return "list the integrity providers (name, maturity, baseline, summary)";
    }

    @Override
    public int run(CommandInvocation invocation) {
        List<String> args = invocation.args();
        PrintStream out = invocation.out();
        if (args.contains("--help") || args.contains("-h")) {
            out.println("Usage: fio providers [--names]");
            out.println("Lists the registered integrity providers, including jars dropped into deploy/.");
            out.println("  --names   print only the names, one per line");
            out.println("Exit codes: 0 listed, 64 bad arguments.");
            return 0;
        }
        if (args.stream().anyMatch(a -> !a.equals("--names"))) {
            invocation.err().println("fio providers: unknown argument(s) " + args + "; see 'fio providers --help'");
            return 64;
        }
        List<ProviderDescriptor> providers = registry.descriptors();
        if (args.contains("--names")) {
            providers.forEach(p -> out.println(p.name()));
            return 0;
        }
        out.printf("%-12s %-13s %-9s %s%n", "NAME", "MATURITY", "BASELINE", "SUMMARY");
        for (ProviderDescriptor p : providers) {
            out.printf("%-12s %-13s %-9s %s%n", p.name(), p.maturity().name().toLowerCase(java.util.Locale.ROOT),
                    p.keepsBaseline() ? "yes" : "no", p.summary());
        }
        return 0;
    }
}
