package io.fileintegrity.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds integrity providers by name. Implemented by the runtime as an OSGi service; providers come
 * and go at run time (a jar dropped into {@code deploy/} or removed from it), so do not cache what
 * {@link #find} returns across scans.
 */
@ProviderType
public interface ProviderRegistry {

    /** The provider registered under {@code name}, if any. */
    Optional<IntegrityProvider> find(String name);

    /** The descriptors of all registered providers, sorted by name. */
    List<ProviderDescriptor> descriptors();

    /**
     * The provider registered under {@code name}.
     *
     * @throws UnknownProviderException naming the providers that are available
     */
    default IntegrityProvider require(String name) throws UnknownProviderException {
        return find(name).orElseThrow(() -> new UnknownProviderException(name,
                descriptors().stream().map(ProviderDescriptor::name).toList()));
    }
}
