package io.fileintegrity.provider.ostree.repo;

import io.fileintegrity.provider.ostree.gvariant.GVariantDecoder;
import io.fileintegrity.provider.ostree.gvariant.GVariantEncoder;
import io.fileintegrity.provider.ostree.gvariant.GVariantFormatException;
import java.util.List;

/** A {@code .dirmeta} object, also the layout of bare-user's {@code user.ostreemeta}: {@code (uuua(ayay))}. */
public record DirMeta(int uid, int gid, int mode, List<Xattr> xattrs) {

    public DirMeta {
        xattrs = List.copyOf(xattrs);
    }

    /** Decodes the serialised form. */
    public static DirMeta decode(byte[] bytes) throws GVariantFormatException, CorruptObjectException {
        List<?> fields = (List<?>) GVariantDecoder.decode(ObjectFormats.DIRMETA, bytes);
        return new DirMeta(ObjectFormats.bigEndian(fields.get(0)), ObjectFormats.bigEndian(fields.get(1)),
                ObjectFormats.bigEndian(fields.get(2)), ObjectFormats.xattrs(fields.get(3)));
    }

    /** The serialised form, whose SHA-256 names the object. */
    public byte[] encode() {
        return GVariantEncoder.encode(ObjectFormats.DIRMETA, List.of(ObjectFormats.toBigEndian(uid),
                ObjectFormats.toBigEndian(gid), ObjectFormats.toBigEndian(mode), ObjectFormats.xattrVariants(xattrs)));
    }
}
