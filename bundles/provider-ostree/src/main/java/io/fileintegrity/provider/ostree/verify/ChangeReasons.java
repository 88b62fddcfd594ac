package io.fileintegrity.provider.ostree.verify;

/**
 * The {@link io.fileintegrity.api.FileChange#reason()} values for one part of a tree: OS content
 * (everything but {@code /etc}) or the {@code /etc} comparison.
 */
record ChangeReasons(String modified, String added, String removed) {

    /** Object problems are always OS-level, wherever the file is. */
    static final String OBJECT_CORRUPT = "ostree:object-corrupt";
    static final String OBJECT_MISSING = "ostree:object-missing";

    static final ChangeReasons OS = new ChangeReasons("ostree:modified", "ostree:added", "ostree:removed");
    static final ChangeReasons ETC = new ChangeReasons("etc-modified", "etc-added", "etc-removed");
}
