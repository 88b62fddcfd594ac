package io.fileintegrity.api.report;

/** A log that is still too large for a ConfigMap after compression. */
public class LogTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogTooLargeException(String message) {
        super(message);
    }
}
