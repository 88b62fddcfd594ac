package io.fileintegrity.provider.ima.pcr;

/** PCR values that cannot be read: the message names the file, the line when there is one, and the problem. */
public class PcrReadException extends Exception {

    private static final long serialVersionUID = 1L;

    public PcrReadException(String message) {
        super(message);
    }
}
