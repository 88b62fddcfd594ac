package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OSTree repository on disk (research/ostree.md §1): its mode, refs and objects. Metadata objects
 * are verified against their names when loaded. Thread-safe.
 */
public final class OstreeRepository {

    /** OSTree's default limit for metadata it fetches (OSTREE_MAX_METADATA_SIZE, 128 MiB); checked before reading. */
    static final long MAX_METADATA_SIZE = 128L * 1024 * 1024;

    private final Path root;
    private final RepoMode mode;
    private final ContentObjectLoader contentLoader;
    private final Map<Checksum, DirMeta> dirMetas = new ConcurrentHashMap<>();

    private OstreeRepository(Path root, RepoMode mode, XattrReader xattrs) {
        this.root = root;
        this.mode = mode;
        this.contentLoader = new ContentObjectLoader(mode, xattrs);
    }

    /** Opens the repository at {@code root}, reading its mode from {@code config}. */
    public static OstreeRepository open(Path root, XattrReader xattrs) throws RepositoryException {
        return new OstreeRepository(root, RepoConfig.read(root).mode(), xattrs);
    }

    public Path root() {
        return root;
    }

    public RepoMode mode() {
        return mode;
    }

    /** {@code objects/XX/YYYY….ext}. */
    public Path objectPath(Checksum checksum, String extension) {
        return root.resolve("objects").resolve(checksum.prefix())
                .resolve(checksum.hex().substring(2) + "." + extension);
    }

    /** The content object file of a checksum in this repository's mode. */
    public Path contentPath(Checksum checksum) {
        return objectPath(checksum, mode.contentExtension());
    }

    /** A commit checksum as given, or the commit a ref points to. */
    public Checksum resolve(String refOrChecksum) throws RepositoryException {
        return Checksum.isChecksum(refOrChecksum) ? new Checksum(refOrChecksum) : RefResolver.resolve(root, refOrChecksum);
    }

    public Commit loadCommit(Checksum checksum) throws IOException {
        byte[] bytes = loadMetadata(checksum, "commit");
        return decode("commit", checksum, () -> Commit.decode(bytes));
    }

    public DirTree loadDirTree(Checksum checksum) throws IOException {
        byte[] bytes = loadMetadata(checksum, "dirtree");
        return decode("dirtree", checksum, () -> DirTree.decode(bytes));
    }

    public DirMeta loadDirMeta(Checksum checksum) throws IOException {
        DirMeta cached = dirMetas.get(checksum);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = loadMetadata(checksum, "dirmeta");
        DirMeta meta = decode("dirmeta", checksum, () -> DirMeta.decode(bytes));
        dirMetas.put(checksum, meta);
        return meta;
    }

    /** A content object's metadata and content (not verified: see {@link ContentHasher}). */
    public ContentObject loadContent(Checksum checksum) throws IOException {
        return contentLoader.load(checksum, contentPath(checksum));
    }

    /** Reads a metadata object and checks that its SHA-256 is its name. */
    private byte[] loadMetadata(Checksum checksum, String extension) throws IOException {
        Path path = objectPath(checksum, extension);
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_METADATA_SIZE) {
                throw new CorruptObjectException(extension + " object " + path + " has " + size
                        + " bytes, more than the metadata limit of " + MAX_METADATA_SIZE);
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new RepositoryException(extension + " object " + checksum + " is missing: " + path);
        }
        Checksum actual = Sha256.of(bytes);
        if (!actual.equals(checksum)) {
            throw new CorruptObjectException("corrupted " + extension + " object " + path + ": checksum expected '"
                    + checksum + "' actual '" + actual + "'");
        }
        return bytes;
    }

    private interface Decoding<T> {
        T run() throws GVariantFormatException, CorruptObjectException;
    }

    private <T> T decode(String type, Checksum checksum, Decoding<T> decoding) throws CorruptObjectException {
        try {
            return decoding.run();
        } catch (GVariantFormatException | CorruptObjectException e) {
            throw new CorruptObjectException("invalid " + type + " object " + objectPath(checksum, type) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The refs under {@code refs/heads}, for messages. */
    public List<String> headRefs() throws IOException {
        return RefResolver.list(root);
    }

    static String readSmallText(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }
}
