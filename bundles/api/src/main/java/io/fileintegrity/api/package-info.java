/**
 * The integrity provider SPI.
 *
 * <p>An integrity provider is an OSGi service of type {@link io.fileintegrity.api.IntegrityProvider}
 * carrying the service property {@value io.fileintegrity.api.IntegrityProvider#NAME_PROPERTY}. The
 * runtime (operator, node agent, standalone mode and command line) finds providers by that name through
 * the {@link io.fileintegrity.api.ProviderRegistry}. Third parties compile against this package alone.
 *
 * <p>Every value type here is an immutable record; lists handed in are copied.
 */
@Export
@Version("1.0.0")
package io.fileintegrity.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
