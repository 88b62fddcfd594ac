package io.fileintegrity.provider.ima.cli;

/** Ends a command with an exit code and a one-line message naming the file and problem. */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
