package io.fileintegrity.api.monitor;

import io.fileintegrity.api.ScanResult;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener told about every finished scan of every monitored target: the node agent
 * forwards results to the Kubernetes API, the metrics collect figures. Register as an OSGi service.
 * Called on the scan loop's thread after the result is stored; return quickly and never throw.
 */
@ConsumerType
public interface ScanResultListener {

    /**
     * A scan finished.
     *
     * @param target the target that was scanned
     * @param result its result (for {@link io.fileintegrity.api.Outcome#FAILED}, the report holds the log)
     */
    void scanFinished(MonitoredTarget target, ScanResult result);
}
