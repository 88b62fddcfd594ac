package io.fileintegrity.engine.registry;

import io.fileintegrity.api.IntegrityProvider;
import io.fileintegrity.api.ProviderDescriptor;
import io.fileintegrity.api.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tracks every {@link IntegrityProvider} service by its {@value IntegrityProvider#NAME_PROPERTY}. Providers
 * come and go at run time (a jar in {@code deploy/}); a lookup always sees the current set. When two
 * services claim one name, the first registered wins until it goes away.
 */
@Component(service = ProviderRegistry.class)
public class DynamicProviderRegistry implements ProviderRegistry {

    private final Map<String, List<IntegrityProvider>> byName = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(IntegrityProvider provider, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name != null) {
            byName.compute(name, (k, list) -> append(list, provider));
        }
    }

    void unbindProvider(IntegrityProvider provider, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name != null) {
            byName.computeIfPresent(name, (k, list) -> remove(list, provider));
        }
    }

    @Override
    public Optional<IntegrityProvider> find(String name) {
        List<IntegrityProvider> list = byName.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    @Override
    public List<ProviderDescriptor> descriptors() {
        List<ProviderDescriptor> result = new ArrayList<>();
        for (String name : byName.keySet()) {
            find(name).ifPresent(p -> result.add(p.describe()));
        }
        return result;
    }

    private static String nameOf(Map<String, Object> properties) {
        Object value = properties.get(IntegrityProvider.NAME_PROPERTY);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<IntegrityProvider> append(List<IntegrityProvider> list, IntegrityProvider provider) {
        List<IntegrityProvider> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
        copy.add(provider);
        return List.copyOf(copy);
    }

    private static List<IntegrityProvider> remove(List<IntegrityProvider> list, IntegrityProvider provider) {
        List<IntegrityProvider> copy = new ArrayList<>(list);
        copy.remove(provider);
        return copy.isEmpty() ? null : List.copyOf(copy);
    }
}
