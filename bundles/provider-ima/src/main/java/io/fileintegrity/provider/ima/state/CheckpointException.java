package io.fileintegrity.provider.ima.state;

/** A checkpoint file that cannot be read or written; the message names the file and problem. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }
}
