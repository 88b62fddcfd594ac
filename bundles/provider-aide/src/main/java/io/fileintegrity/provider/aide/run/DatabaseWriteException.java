package io.fileintegrity.provider.aide.run;

import java.io.IOException;

/** Writing the new database failed (as opposed to reading the old one). */
final class DatabaseWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    DatabaseWriteException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
