package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;

/** An object or file in a repository that exists but cannot be what it claims to be. */
public class CorruptObjectException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptObjectException(String message) {
        super(message);
    }

    public CorruptObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
