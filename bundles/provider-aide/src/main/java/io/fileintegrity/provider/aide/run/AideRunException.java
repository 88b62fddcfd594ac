package io.fileintegrity.provider.aide.run;

/** A run that cannot go on, with AIDE's exit code for it and a message naming the file and problem. */
public final class AideRunException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public AideRunException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public AideRunException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
