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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which attributes of an entry changed, as AIDE 0.18's {@code get_changed_attributes}: only
 * attributes present in both entries are compared; times are whole seconds. With {@code growing} on
 * the old entry a bigger size, block count or time is not a change, and when the file grew its
 * hashes count as unchanged if its first old-size bytes still have the old digests (an empty file
 * may grow into anything); that second read needs the disk, so a database compare keeps them as
 * changed (as AIDE does). Digests are compared in full (AIDE stops at the first zero byte, so it may
 * miss a change that we report).
 */
public final class AttributeComparison {
    private AttributeComparison() {}

    /** The changed attributes, without a second read of any file (as in a database compare). */
    public static AttributeSet changed(DbEntry o, DbEntry n) {
        return changed(o, n, AttributeSet.EMPTY, true, FileContent.NONE);
    }

    /** The changed attributes; {@code content} re-reads a grown file under {@code growing}. */
    public static AttributeSet changed(DbEntry o, DbEntry n, FileContent content) {
        return changed(o, n, AttributeSet.EMPTY, true, content);
    }

    /**
     * The changed attributes outside {@code ignore}; hashes only with {@code compareHashes} (AIDE
     * leaves them out when it matches a compressed file with its original).
     */
    public static AttributeSet changed(DbEntry o, DbEntry n, AttributeSet ignore, boolean compareHashes,
            FileContent content) {
        AttributeSet both = o.attrs().intersect(n.attrs());
        long bits = metadataChanges(o, n, both);
        if (compareHashes) {
            bits |= hashChanges(o, n, both, content);
        }
        return AttributeSet.fromBits(bits).minus(ignore);
    }

    private static long metadataChanges(DbEntry o, DbEntry n, AttributeSet both) {
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
        bits |= flag(both, Attribute.ACL, !Objects.equals(o.acl(), n.acl()));
        bits |= flag(both, Attribute.XATTRS, xattrsDiffer(o.xattrs(), n.xattrs()));
        bits |= flag(both, Attribute.SELINUX, !Objects.equals(o.selinux(), n.selinux()));
        bits |= flag(both, Attribute.E2FSATTRS, o.e2fsattrs() != n.e2fsattrs());
        bits |= flag(both, Attribute.CAPS, !Objects.equals(o.caps(), n.caps()));
        return bits;
    }

    private static long hashChanges(DbEntry o, DbEntry n, AttributeSet both, FileContent content) {
        long bits = 0;
        for (Attribute h : both.hashes()) {
            bits |= flag(both, h, !Arrays.equals(o.hash(h), n.hash(h)));
        }
        if (bits == 0 || !o.has(Attribute.GROWING) || !content.readsFiles() || o.size() >= n.size()) {
            return bits;
        }
        if (o.size() == 0) {
            return 0;
        }
        Optional<Map<Attribute, byte[]>> prefix = content.prefixDigests(n, o.size(), n.attrs().hashes());
        return prefix.isPresent() && changedDigests(both.hashes(), o, prefix.get()).isEmpty() ? 0 : bits;
    }

    /**
     * The hashes of {@code hashes} whose digest in {@code o} differs from {@code digests}; a digest
     * missing on one side only is a change (AIDE's {@code has_md_changed}).
     */
    public static AttributeSet changedDigests(AttributeSet hashes, DbEntry o, Map<Attribute, byte[]> digests) {
        long bits = 0;
        for (Attribute h : hashes) {
            if (!Arrays.equals(o.hash(h), digests.get(h))) {
                bits |= h.mask();
            }
        }
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
