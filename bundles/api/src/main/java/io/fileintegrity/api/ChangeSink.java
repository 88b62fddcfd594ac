package io.fileintegrity.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives every change a scan finds, as it finds it, so that long change lists never have to be held
 * in memory. Implemented by the runtime. Providers call it from one thread at a time.
 */
@ProviderType
@FunctionalInterface
public interface ChangeSink {

    /** A sink that drops changes. */
    ChangeSink NONE = change -> {};

    /** Called once per changed, added or removed file. */
    void accept(FileChange change);
}
