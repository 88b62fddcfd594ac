package io.fileintegrity.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ProviderRegistry;
import io.fileintegrity.api.UnknownProviderException;
import io.fileintegrity.api.cli.Subcommand;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The core bundles wired in a real Felix: registry, subcommands, providers coming and going. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProviderWiringIT {

    @Inject
    private BundleContext context;

    @Inject
    private ProviderRegistry registry;

    @Configuration
    public Option[] config() {
        return options(systemProperty("fio.home").value(DistributionBundles.home().toString()),
                composite(DistributionBundles.folders("core")), junitBundles());
    }

    @Test
    public void builtInSubcommandsAreRegisteredByName() throws Exception {
        for (String name : List.of("providers", "run", "version")) {
            ServiceReference<?>[] refs = context.getServiceReferences(Subcommand.class.getName(),
                    "(" + Subcommand.NAME_PROPERTY + "=" + name + ")");
            assertNotNull("subcommand " + name, refs);
        }
    }

    @Test
    public void everyRegisteredProviderDescribesItselfUnderItsServiceName() throws Exception {
        for (ServiceReference<IntegrityProvider> ref : context.getServiceReferences(IntegrityProvider.class, null)) {
            String name = (String) ref.getProperty(IntegrityProvider.NAME_PROPERTY);
            assertEquals(name, context.getService(ref).describe().name());
            assertTrue(registry.find(name).isPresent());
        }
    }

    @Test
    public void aProviderInstalledAtRunTimeBecomesSelectableAndGoesAwayWhenUninstalled() throws Exception {
        assertFalse(registry.find("sha256sum").isPresent());
        Bundle bundle;
        try (InputStream in = new FileInputStream(DistributionBundles.exampleProvider())) {
            bundle = context.installBundle("example:sha256sum", in);
        }
        bundle.start();
        IntegrityProvider provider = awaitProvider("sha256sum", true);
        ProviderDescriptor d = provider.describe();
        assertEquals("sha256sum", d.name());
        assertTrue(registry.descriptors().stream().anyMatch(x -> x.name().equals("sha256sum")));
        bundle.uninstall();
        awaitProvider("sha256sum", false);
        try {
            registry.require("sha256sum");
            throw new AssertionError("the uninstalled provider is still selectable");
        } catch (UnknownProviderException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("unknown integrity provider 'sha256sum'"));
        }
    }

    private IntegrityProvider awaitProvider(String name, boolean present) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = registry.find(name);
            if (found.isPresent() == present) {
                return found.orElse(null);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("provider " + name + (present ? " never appeared" : " never went away"));
    }
}
