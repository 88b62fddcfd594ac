package io.fileintegrity.api.report;

import java.util.Objects;

/**
 * A log prepared for the {@code integritylog} key of a failure ConfigMap, as FIO stores it.
 *
 * @param data the value to store: the log itself, or its gzip compressed and base64 encoded form
 * @param compressed whether {@code data} is compressed; then the ConfigMap carries FIO's
 *     {@code file-integrity.openshift.io/compressed} annotation
 */
public record ConfigMapLog(String data, boolean compressed) {

    public ConfigMapLog {
        Objects.requireNonNull(data, "data");
    }
}
