package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantDecoder;
import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a content object's metadata the way each repository mode stores it (research/ostree.md §1, §6). */
final class ContentObjectLoader {

    /** More than any real header; guards against a garbage length prefix. */
    private static final int MAX_ARCHIVE_HEADER = 1 << 20;

    private final RepoMode mode;
    private final XattrReader xattrs;

    ContentObjectLoader(RepoMode mode, XattrReader xattrs) {
        this.mode = mode;
        this.xattrs = xattrs;
    }

    ContentObject load(Checksum checksum, Path path) throws IOException {
        try {
            ContentObject object = switch (mode) {
                case BARE -> fromInode(checksum, path, true);
                case BARE_USER_ONLY -> fromInode(checksum, path, false);
                case BARE_USER -> fromOstreeMeta(checksum, path);
                case ARCHIVE -> fromArchiveHeader(checksum, path);
            };
            if (!object.meta().isRegular() && !object.meta().isSymlink()) {
                throw new CorruptObjectException("content object " + path + " is a "
                        + FileMeta.typeName(object.meta().mode()) + ", not a regular file or symlink");
            }
            return object;
        } catch (NoSuchFileException e) {
            throw new RepositoryException("object " + checksum + " is missing: " + path);
        } catch (GVariantFormatException e) {
            throw new CorruptObjectException("corrupt content object " + path + ": " + e.getMessage(), e);
        }
    }

    private ContentObject fromInode(Checksum checksum, Path path, boolean realOwner) throws IOException {
        Map<String, Object> stat = Files.readAttributes(path, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
        int fileMode = (Integer) stat.get("mode");
        boolean symlink = (fileMode & FileMeta.TYPE_MASK) == FileMeta.SYMLINK;
        String target = symlink ? Files.readSymbolicLink(path).toString() : "";
        int uid = realOwner ? (Integer) stat.get("uid") : 0;
        int gid = realOwner ? (Integer) stat.get("gid") : 0;
        List<Xattr> attributes = realOwner ? xattrs.listWithoutOstreeMeta(path) : List.of();
        FileMeta meta = new FileMeta(uid, gid, fileMode, target, attributes);
        return new ContentObject(checksum, meta, symlink ? 0 : (Long) stat.get("size"), path, 0, false);
    }

    private ContentObject fromOstreeMeta(Checksum checksum, Path path) throws IOException {
        long size = Files.size(path);
        byte[] raw = xattrs.get(path, XattrReader.OSTREE_META).orElseThrow(() -> new CorruptObjectException(
                "bare-user object " + path + " has no " + XattrReader.OSTREE_META + " xattr"));
        DirMeta stored = DirMeta.decode(raw);
        boolean symlink = (stored.mode() & FileMeta.TYPE_MASK) == FileMeta.SYMLINK;
        String target = symlink ? symlinkTargetFromFile(path) : "";
        FileMeta meta = new FileMeta(stored.uid(), stored.gid(), stored.mode(), target, stored.xattrs());
        return new ContentObject(checksum, meta, symlink ? 0 : size, path, 0, false);
    }

    /** bare-user keeps a symlink as a regular file holding the target and a NUL. */
    private static String symlinkTargetFromFile(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(8192);
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private ContentObject fromArchiveHeader(Checksum checksum, Path path) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] prefix = in.readNBytes(8);
            if (prefix.length < 8) {
                throw new CorruptObjectException("archive object " + path + " is shorter than its 8-byte prefix");
            }
            long length = ByteBuffer.wrap(prefix).getInt() & 0xFFFFFFFFL;
            if (length > MAX_ARCHIVE_HEADER) {
                throw new CorruptObjectException("archive object " + path + " declares a " + length + "-byte header");
            }
            header = in.readNBytes((int) length);
            if (header.length != length) {
                throw new CorruptObjectException("archive object " + path + " is truncated inside its header");
            }
        }
        List<?> fields = (List<?>) GVariantDecoder.decode(ObjectFormats.ARCHIVE_HEADER, header);
        long size = Long.reverseBytes((Long) fields.get(0));
        FileMeta meta = new FileMeta(ObjectFormats.bigEndian(fields.get(1)), ObjectFormats.bigEndian(fields.get(2)),
                ObjectFormats.bigEndian(fields.get(3)), (String) fields.get(5), ObjectFormats.xattrs(fields.get(6)));
        if (size < 0) {
            throw new CorruptObjectException("archive object " + path + " declares a negative size");
        }
        return new ContentObject(checksum, meta, size, path, 8L + header.length, true);
    }
}
