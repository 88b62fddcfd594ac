package io.fileintegrity.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way of proving that files on a host did not change: AIDE-style baselines, OSTree commits, IMA
 * measurement lists, or anything a third party brings.
 *
 * <p>Register an implementation as an OSGi service of this type with the service property
 * {@value #NAME_PROPERTY} set to the provider's name (use {@link IntegrityProviderName} on a
 * Declarative Services component). The name is what users write in {@code spec.provider} of a
 * FileIntegrity and after {@code fio ... --provider}; it must equal {@link ProviderDescriptor#name()}.
 *
 * <p><b>Threading.</b> The runtime may call {@link #validate}, {@link #initialize} and {@link #check}
 * from several threads at once, for different {@link ScanContext}s (different FileIntegrity objects or
 * state directories). An implementation must not keep per-scan state in fields. Two scans never share
 * a state directory at the same time.
 *
 * <p><b>Failure.</b> {@code initialize} and {@code check} must not throw for anything that can go
 * wrong with the host or the input (a malformed configuration, a corrupt baseline, a missing file, a
 * permission error): they return a {@link ScanResult} with {@link Outcome#ERRORED} and a message that
 * names the file, line and problem. A provider never destroys an existing baseline on failure.
 */
@ConsumerType
public interface IntegrityProvider {

    /** Service property holding the provider's name, e.g. {@code aide}. */
    String NAME_PROPERTY = "integrity.provider.name";

    /** What this provider is: name, maturity, summary, whether it keeps a baseline. */
    ProviderDescriptor describe();

    /**
     * Checks a configuration without touching the host.
     *
     * @param config the configuration text and the name to use for it in messages
     * @return every problem found, in order of appearance; empty when the configuration is usable
     */
    List<ConfigProblem> validate(ProviderConfig config);

    /**
     * Builds (or rebuilds) the baseline for the context's host root and configuration. Providers
     * without a baseline verify against their source of truth and return that result.
     *
     * @return the outcome; {@link Outcome#SUCCEEDED} when a baseline was written
     */
    ScanResult initialize(ScanContext context);

    /**
     * Compares the host with the baseline (or the provider's source of truth).
     *
     * @return {@link Outcome#SUCCEEDED} when nothing differs, {@link Outcome#FAILED} with the counts
     *     and changes when something does, {@link Outcome#ERRORED} when the check could not be made
     */
    ScanResult check(ScanContext context);
}
