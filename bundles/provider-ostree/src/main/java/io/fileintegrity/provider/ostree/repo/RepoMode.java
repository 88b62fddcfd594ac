package io.fileintegrity.provider.ostree.repo;

import java.util.Locale;
import java.util.Optional;

/** How a repository stores content objects (research/ostree.md §1). */
public enum RepoMode {
    /** Objects are the files, with real owner, mode and xattrs. */
    BARE("bare"),
    /** Objects are files; owner, mode and xattrs are in {@code user.ostreemeta}; symlinks are files. */
    BARE_USER("bare-user"),
    /** Objects are files with canonical modes; owner is always 0, no xattrs. */
    BARE_USER_ONLY("bare-user-only"),
    /** Objects are {@code .filez}: a header and raw DEFLATE content. */
    ARCHIVE("archive");

    private final String configName;

    RepoMode(String configName) {
        this.configName = configName;
    }

    /** The name used in {@code [core] mode=}. */
    public String configName() {
        return configName;
    }

    /** The extension of content objects in this mode. */
    public String contentExtension() {
        return this == ARCHIVE ? "filez" : "file";
    }

    /** Reads a mode from the config value; {@code archive-z2} is the name OSTree writes for archive. */
    public static Optional<RepoMode> fromConfig(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (name.equals("archive-z2")) {
            return Optional.of(ARCHIVE);
        }
        for (RepoMode mode : values()) {
            if (mode.configName.equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
