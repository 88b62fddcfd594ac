package io.fileintegrity.reporting.configmap;

/** A ConfigMap manifest that cannot be read; the message names the line (when known) and the problem. */
public class ManifestSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public ManifestSyntaxException(String message) {
        super(message);
    }
}
