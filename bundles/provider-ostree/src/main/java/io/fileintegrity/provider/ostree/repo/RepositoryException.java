package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;

/** A repository that cannot be read: no config, an unknown mode, a ref or object that is missing. */
public class RepositoryException extends IOException {

    private static final long serialVersionUID = 1L;

    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
