package io.fileintegrity.provider.ima.policy;

/** JSON that does not parse or does not have the expected shape; carries the 1-based line (0: unknown). */
public class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public JsonException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
