package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import io.fileintegrity.provider.aide.database.Xattr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which attributes of an entry changed, as AIDE 0.18's {@code get_changed_attributes}: only
 * attributes present in both entries are compared; times are whole seconds; with {@code growing}
 * a bigger size, block count or time is not a change. Digests are compared in full (AIDE stops at
 * the first zero byte, so it may miss a change that we report).
 */
public final class AttributeComparison {
    private AttributeComparison() {}

    public static AttributeSet changed(DbEntry o, DbEntry n) {
        AttributeSet both = o.attrs().intersect(n.attrs());
        boolean growing = o.has(Attribute.GROWING);
        long bits = 0;
        bits |= flag(both, Attribute.FTYPE, (o.perm() & FileTypes.S_IFMT) != (n.perm() & FileTypes.S_IFMT));
        bits |= flag(both, Attribute.LNAME, !Objects.equals(o.linkName(), n.linkName()));
        bits |= flag(both, Attribute.SIZEG, o.size() > n.size());
        bits |= flag(both, Attribute.SIZE, differs(o.size(), n.size(), growing));
        bits |= flag(both, Attribute.BCOUNT, differs(o.bcount(), n.bcount(), growing));
        bits |= flag(both, Attribute.PERM, o.perm() != n.perm());
        bits |= flag(both, Attribute.UID, o.uid() != n.uid());
        bits |= flag(both, Attribute.GID, o.gid() != n.gid());
        bits |= flag(both, Attribute.ATIME, differs(o.atime(), n.atime(), growing));
        bits |= flag(both, Attribute.MTIME, differs(o.mtime(), n.mtime(), growing));
        bits |= flag(both, Attribute.CTIME, differs(o.ctime(), n.ctime(), growing));
        bits |= flag(both, Attribute.INODE, o.inode() != n.inode());
        bits |= flag(both, Attribute.LCOUNT, o.lcount() != n.lcount());
        for (Attribute h : both.hashes()) {
            bits |= flag(both, h, !Arrays.equals(o.hash(h), n.hash(h)));
        }
        bits |= flag(both, Attribute.ACL, !Objects.equals(o.acl(), n.acl()));
        bits |= flag(both, Attribute.XATTRS, xattrsDiffer(o.xattrs(), n.xattrs()));
        bits |= flag(both, Attribute.SELINUX, !Objects.equals(o.selinux(), n.selinux()));
        bits |= flag(both, Attribute.E2FSATTRS, o.e2fsattrs() != n.e2fsattrs());
        bits |= flag(both, Attribute.CAPS, !Objects.equals(o.caps(), n.caps()));
        return AttributeSet.fromBits(bits);
    }

    private static long flag(AttributeSet both, Attribute a, boolean changed) {
        return changed && both.contains(a) ? a.mask() : 0;
    }

    private static boolean differs(long old, long now, boolean growing) {
        return growing ? old > now : old != now;
    }

    private static boolean xattrsDiffer(List<Xattr> a, List<Xattr> b) {
        List<Xattr> x = sorted(a);
        List<Xattr> y = sorted(b);
        return !x.equals(y);
    }

    private static List<Xattr> sorted(List<Xattr> list) {
        if (list == null) {
            return List.of();
        }
        List<Xattr> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Xattr::key));
        return copy;
    }
}
