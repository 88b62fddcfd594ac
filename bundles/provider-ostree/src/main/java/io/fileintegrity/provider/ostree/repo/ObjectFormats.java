package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import io.fileintegrity.provider.ostree.gvariant.GVariantType;
import java.util.ArrayList;
import java.util.List;

/** The GVariant types of OSTree's objects (research/ostree.md §2) and shared field readers. */
final class ObjectFormats {

    static final GVariantType COMMIT = type("(a{sv}aya(say)sstayay)");
    static final GVariantType DIRTREE = type("(a(say)a(sayay))");
    static final GVariantType DIRMETA = type("(uuua(ayay))");
    static final GVariantType FILE_HEADER = type("(uuuusa(ayay))");
    static final GVariantType ARCHIVE_HEADER = type("(tuuuusa(ayay))");

    private ObjectFormats() {}

    private static GVariantType type(String signature) {
        try {
            return GVariantType.parse(signature);
        } catch (GVariantFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A u32 that OSTree stored byte-swapped to big-endian. */
    static int bigEndian(Object u32) {
        return Integer.reverseBytes((int) (long) (Long) u32);
    }

    /** The GVariant value that holds {@code value} in OSTree's big-endian convention. */
    static long toBigEndian(int value) {
        return Integer.reverseBytes(value) & 0xFFFFFFFFL;
    }

    static List<Xattr> xattrs(Object array) throws CorruptObjectException {
        List<Xattr> xattrs = new ArrayList<>();
        for (Object pair : (List<?>) array) {
            xattrs.add(Xattr.fromVariant((List<?>) pair));
        }
        return xattrs;
    }

    static List<Object> xattrVariants(List<Xattr> xattrs) {
        List<Object> out = new ArrayList<>();
        for (Xattr xattr : Xattr.sorted(xattrs)) {
            out.add(xattr.toVariant());
        }
        return out;
    }

    static Checksum checksum(Object bytes, String what) throws CorruptObjectException {
        byte[] raw = (byte[]) bytes;
        if (raw.length != 32) {
            throw new CorruptObjectException(what + " has " + raw.length + " bytes, a checksum needs 32");
        }
        return Checksum.of(raw);
    }

    /** OSTree's file name rule: not empty, not {@code .} or {@code ..}, no {@code /}. */
    static String fileName(Object name) throws CorruptObjectException {
        String text = (String) name;
        if (text.isEmpty() || text.equals(".") || text.equals("..") || text.indexOf('/') >= 0) {
            throw new CorruptObjectException("invalid file name '" + text + "'");
        }
        return text;
    }
}
