package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads extended attributes of a path without following a symlink. */
public interface XattrReader {

    /** bare-user's metadata attribute: never part of a file's own xattrs. */
    String OSTREE_META = "user.ostreemeta";

    /** All attributes, sorted by name. */
    List<Xattr> list(Path path) throws IOException;

    /** One attribute, empty when it is not set. */
    Optional<byte[]> get(Path path, String name) throws IOException;

    /** Whether this reader sees every namespace ({@code security.*}, {@code trusted.*}) or only {@code user.*}. */
    boolean allNamespaces();

    /** {@code native} or {@code user-only}, for reports. */
    default String describe() {
        return allNamespaces() ? "native" : "user-only";
    }

    /** The attributes a file carries as content metadata: all but {@link #OSTREE_META}. */
    default List<Xattr> listWithoutOstreeMeta(Path path) throws IOException {
        return list(path).stream().filter(x -> !x.name().equals(OSTREE_META)).toList();
    }

    /** The best reader available: native {@code llistxattr} through JNA, else the JDK's user namespace view. */
    static XattrReader best() {
        try {
            Optional<XattrReader> nativeReader = NativeXattrReader.load();
            return nativeReader.orElseGet(UserXattrReader::new);
        } catch (LinkageError jnaMissing) {
            return new UserXattrReader();
        }
    }
}
