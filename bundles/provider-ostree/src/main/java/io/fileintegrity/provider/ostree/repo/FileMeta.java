package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantEncoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * What a content object's checksum covers besides the bytes: owner, full {@code st_mode} (type bits
 * included), symlink target ("" for regular files) and xattrs.
 */
public record FileMeta(int uid, int gid, int mode, String symlinkTarget, List<Xattr> xattrs) {

    public static final int TYPE_MASK = 0170000;
    public static final int REGULAR = 0100000;
    public static final int SYMLINK = 0120000;
    public static final int DIRECTORY = 0040000;

    public FileMeta {
        Objects.requireNonNull(symlinkTarget, "symlinkTarget");
        xattrs = Xattr.sorted(xattrs);
    }

    public boolean isSymlink() {
        return (mode & TYPE_MASK) == SYMLINK;
    }

    public boolean isRegular() {
        return (mode & TYPE_MASK) == REGULAR;
    }

    /** The permission bits, suid/sgid/sticky included. */
    public int permissions() {
        return mode & 07777;
    }

    /** The serialised {@code (uuuusa(ayay))} header, big-endian fields as OSTree writes them. */
    public byte[] header() {
        return GVariantEncoder.encode(ObjectFormats.FILE_HEADER, List.of(ObjectFormats.toBigEndian(uid),
                ObjectFormats.toBigEndian(gid), ObjectFormats.toBigEndian(mode), 0L, symlinkTarget,
                ObjectFormats.xattrVariants(xattrs)));
    }

    /** What is hashed before the content: BE32 header length, 4 zero bytes, the header. */
    public byte[] checksumPrefix() {
        byte[] header = header();
        return ByteBuffer.allocate(8 + header.length).putInt(header.length).putInt(0).put(header).array();
    }

    /** A readable name of the file type. */
    public static String typeName(int mode) {
        return switch (mode & TYPE_MASK) {
            case REGULAR -> "regular file";
            case SYMLINK -> "symlink";
            case DIRECTORY -> "directory";
            case 0060000 -> "block device";
            case 0020000 -> "character device";
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            default -> "unknown type";
        };
    }
}
