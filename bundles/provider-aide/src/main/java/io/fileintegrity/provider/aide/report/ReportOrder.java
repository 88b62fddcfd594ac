package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.util.List;

/** AIDE's {@code report_attrs_order} and hash order, which fix the summary string and detail lines. */
final class ReportOrder {
    /** One position per summary character; ALLHASHSUMS stands for every hash. */
    static final List<Attribute> SUMMARY = List.of(Attribute.FTYPE, Attribute.LNAME, Attribute.SIZE,
            Attribute.BCOUNT, Attribute.PERM, Attribute.UID, Attribute.GID, Attribute.ATIME, Attribute.MTIME,
            Attribute.CTIME, Attribute.INODE, Attribute.LCOUNT, Attribute.ALLHASHSUMS, Attribute.ACL,
            Attribute.XATTRS, Attribute.SELINUX, Attribute.E2FSATTRS, Attribute.CAPS);

    /** The order in which hashes are listed (AIDE's {@code hashsums[]}, then the SHA-3 extensions). */
    static final List<Attribute> HASHES = List.of(Attribute.MD5, Attribute.SHA1, Attribute.SHA256,
            Attribute.SHA512, Attribute.RMD160, Attribute.TIGER, Attribute.CRC32, Attribute.CRC32B, Attribute.HAVAL,
            Attribute.WHIRLPOOL, Attribute.GOST, Attribute.STRIBOG256, Attribute.STRIBOG512, Attribute.SHA512_256,
            Attribute.SHA3_256, Attribute.SHA3_512);

    private ReportOrder() {}

    /** The attributes one summary position covers. */
    static AttributeSet covered(Attribute position) {
        return switch (position) {
            case ALLHASHSUMS -> AttributeSet.ALL_HASHES;
            case SIZE -> AttributeSet.of(Attribute.SIZE, Attribute.SIZEG);
            default -> AttributeSet.of(position);
        };
    }

    /** The attributes of a set in detail-line order. */
    static List<Attribute> detailOrder(AttributeSet attrs) {
        List<Attribute> out = new java.util.ArrayList<>();
        for (Attribute p : SUMMARY) {
            if (p == Attribute.ALLHASHSUMS) {
                HASHES.stream().filter(attrs::contains).forEach(out::add);
            } else if (p == Attribute.SIZE) {
                if (attrs.contains(Attribute.SIZE)) {
                    out.add(Attribute.SIZE);
                }
                if (attrs.contains(Attribute.SIZEG)) {
                    out.add(Attribute.SIZEG);
                }
            } else if (attrs.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
