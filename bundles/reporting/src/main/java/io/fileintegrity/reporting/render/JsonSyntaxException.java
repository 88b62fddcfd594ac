package io.fileintegrity.reporting.render;

/**
 * JSON text that cannot be read, or that lacks what a stored result needs; the message names the line
 * and column, or the field, and the problem.
 */
public class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonSyntaxException(String message) {
        super(message);
    }
}
