package io.fileintegrity.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.Maturity;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicProviderRegistryTest {

    @Test
    void providersAreFoundByNameAndDisappearWhenUnbound() {
        DynamicProviderRegistry registry = new DynamicProviderRegistry();
        IntegrityProvider zeta = named("zeta");
        IntegrityProvider alpha = named("alpha");
        registry.bindProvider(zeta, Map.of(IntegrityProvider.NAME_PROPERTY, "zeta"));
        registry.bindProvider(alpha, Map.of(IntegrityProvider.NAME_PROPERTY, "alpha"));
        assertSame(zeta, registry.find("zeta").orElseThrow());
        assertEquals(List.of("alpha", "zeta"), registry.descriptors().stream().map(ProviderDescriptor::name).toList());
        registry.unbindProvider(zeta, Map.of(IntegrityProvider.NAME_PROPERTY, "zeta"));
        assertTrue(registry.find("zeta").isEmpty());
    }

    @Test
    void theFirstOfTwoServicesWithOneNameWinsUntilItGoes() {
        DynamicProviderRegistry registry = new DynamicProviderRegistry();
        IntegrityProvider first = named("aide");
        IntegrityProvider second = named("aide");
        registry.bindProvider(first, Map.of(IntegrityProvider.NAME_PROPERTY, "aide"));
        registry.bindProvider(second, Map.of(IntegrityProvider.NAME_PROPERTY, "aide"));
        assertSame(first, registry.find("aide").orElseThrow());
        registry.unbindProvider(first, Map.of(IntegrityProvider.NAME_PROPERTY, "aide"));
        assertSame(second, registry.find("aide").orElseThrow());
    }

    @Test
    void servicesWithoutANameAreIgnored() {
        DynamicProviderRegistry registry = new DynamicProviderRegistry();
        registry.bindProvider(named("x"), Map.of());
        assertTrue(registry.descriptors().isEmpty());
    }

    private static IntegrityProvider named(String name) {
        return new IntegrityProvider() {
            @Override
            public ProviderDescriptor describe() {
                return new ProviderDescriptor(name, Maturity.EXPERIMENTAL, "test double", false, "text/plain");
            }

            @Override
            public List<ConfigProblem> validate(ProviderConfig config) {
                return List.of();
            }

            @Override
            public ScanResult initialize(ScanContext context) {
                return ScanResult.errored(name, ScanMode.INITIALIZE, "test double does not scan");
            }

            @Override
            public ScanResult check(ScanContext context) {
                return ScanResult.errored(name, ScanMode.CHECK, "test double does not scan");
            }
        };
    }
}
