package io.fileintegrity.k8s.bridge.agent;

import java.io.IOException;
import java.util.Map;

/** Where the agent puts its scan loop's settings: the engine's factory configuration, in the runtime. */
public interface TargetSink {

    /** Makes the target's settings equal {@code properties}; true if something changed. */
    boolean apply(Map<String, Object> properties) throws IOException;
}
