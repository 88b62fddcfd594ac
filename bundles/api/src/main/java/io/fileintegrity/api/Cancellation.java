package io.fileintegrity.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells a running scan to stop. Providers poll it between files; a cancelled scan returns an
 * {@link Outcome#ERRORED} result and leaves any existing baseline as it was.
 */
@ProviderType
@FunctionalInterface
public interface Cancellation {

    /** Never cancelled. */
    Cancellation NEVER = () -> false;

    /** Whether the scan should stop as soon as it safely can. */
    boolean isCancelled();
}
