package io.fileintegrity.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives progress of a running scan. Implemented by the runtime; providers call it now and then
 * (a few times a second at most is plenty) from any of their threads.
 */
@ProviderType
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> {};

    /** Called with the progress so far; must return quickly and never throw. */
    void progress(ScanProgress progress);
}
