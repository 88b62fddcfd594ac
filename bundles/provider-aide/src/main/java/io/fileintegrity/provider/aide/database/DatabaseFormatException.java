package io.fileintegrity.provider.aide.database;

import java.io.IOException;

/** A database that cannot be read: names the database, the line and the problem. */
public final class DatabaseFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;

    public DatabaseFormatException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public DatabaseFormatException(String source, long line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    /** 1-based line number in the (uncompressed) database. */
    public long line() {
        return line;
    }
}
