package io.fileintegrity.api.monitor;

import io.fileintegrity.api.ScanResult;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One thing the runtime keeps checking: the local machine in standalone mode, or one node of a
 * FileIntegrity in the operator. Implemented by the runtime and registered as an OSGi service with
 * the property {@value #ID_PROPERTY}. All methods are thread-safe and return quickly (no scanning,
 * no network calls); actions are queued and run by the owner's own thread.
 */
@ProviderType
public interface MonitoredTarget {

    /** Service property with the target's stable id, e.g. {@code local} or {@code ns/fi/node}. */
    String ID_PROPERTY = "fio.target.id";

    /** The stable id, equal to the service property {@value #ID_PROPERTY}. */
    String id();

    /** A name for people, e.g. {@code this machine (host01)} or {@code worker-1 (openshift-file-integrity/example)}. */
    String displayName();

    /** The integrity provider this target is checked with. */
    String providerName();

    /** What the target is doing right now. */
    TargetState state();

    /** Results of recent scans, newest first; a bounded history. */
    List<ScanResult> recentResults();

    /** The newest result, if any scan finished yet. */
    default Optional<ScanResult> lastResult() {
        List<ScanResult> results = recentResults();
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    /** Where the baseline is and what it looks like; empty when there is none (yet, or by design). */
    Optional<BaselineInfo> baseline();

    /**
     * A page of the changes of the newest scan that found any.
     *
     * @param filter a case-insensitive substring of the path to keep; empty keeps all
     * @param offset how many matching changes to skip
     * @param limit the most to return
     */
    ChangePage changes(String filter, long offset, int limit);

    /** Asks for a check as soon as possible, without waiting for the interval. */
    void requestCheck();

    /** Asks for the baseline to be rebuilt (the old one is backed up first). */
    void requestReinitialize();
}
