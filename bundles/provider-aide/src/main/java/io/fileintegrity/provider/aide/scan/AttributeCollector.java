package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.AclValue;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import io.fileintegrity.provider.aide.database.Xattr;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a rule asks for about one entry, as AIDE 0.18 does ({@code get_file_attrs}): fields
 * outside the rule are zero, and attributes that cannot be collected are dropped from the entry's
 * set (hashes for non-regular files, {@code l} for non-links, ACLs on symlinks, a missing SELinux
 * context or capability set, unreadable e2fs flags). Thread-safe.
 */
final class AttributeCollector {
    private static final AttributeSet XATTR_BASED =
            AttributeSet.of(Attribute.ACL, Attribute.XATTRS, Attribute.SELINUX, Attribute.CAPS);
    private final ContentReader content;
    private final boolean aclOnSymlinks;
    private final ScanCounters counters;

    AttributeCollector(ContentReader content, boolean aclOnSymlinks, ScanCounters counters) {
        this.content = content;
        this.aclOnSymlinks = aclOnSymlinks;
        this.counters = counters;
    }

    DbEntry collect(String diskPath, String name, FileStat st, AttributeSet wanted) throws InterruptedException {
        DbEntry e = new DbEntry(name).attrs(wanted.plus(Attribute.NAME)).perm(st.mode()).inode(st.ino());
        setStatFields(e, st);
        int mode = st.mode();
        if (FileTypes.isSymlink(mode) && wanted.contains(Attribute.LNAME)) {
            readLink(e, diskPath);
        } else {
            e.drop(Attribute.LNAME);
        }
        if (FileTypes.isSymlink(mode) && !aclOnSymlinks) {
            e.drop(Attribute.ACL);
        }
        if (e.attrs().intersects(XATTR_BASED)) {
            readXattrBased(e, diskPath, mode);
        }
        readContent(e, diskPath, st);
        counters.entry();
        return e;
    }

    private static void setStatFields(DbEntry e, FileStat st) {
        AttributeSet a = e.attrs();
        if (a.contains(Attribute.UID)) {
            e.uid(st.uid());
        }
        if (a.contains(Attribute.GID)) {
            e.gid(st.gid());
        }
        if (a.contains(Attribute.SIZE) || a.contains(Attribute.SIZEG)) {
            e.size(st.size());
        }
        if (a.contains(Attribute.ATIME)) {
            e.atime(st.atime());
        }
        if (a.contains(Attribute.CTIME)) {
            e.ctime(st.ctime());
        }
        if (a.contains(Attribute.MTIME)) {
            e.mtime(st.mtime());
        }
        if (a.contains(Attribute.BCOUNT)) {
            e.bcount(st.blocks());
        }
        if (a.contains(Attribute.LCOUNT)) {
            e.lcount(st.nlink());
        }
    }

    private void readLink(DbEntry e, String path) {
        try {
            e.linkName(NativeFiles.readlink(path));
        } catch (NativeIOException ex) {
            counters.warn("readlink() failed for '" + Paths8.display(path) + "': " + ex.getMessage());
            e.drop(Attribute.LNAME);
        }
    }

    private void readXattrBased(DbEntry e, String path, int mode) {
        List<String> names;
        try {
            names = NativeFiles.listXattrs(path);
        } catch (NativeIOException ex) {
            counters.warn("listxattrs failed for " + Paths8.display(path) + ": " + ex.getMessage());
            names = List.of();
        }
        if (e.has(Attribute.ACL)) {
            e.acl(acl(path, mode, names));
        }
        if (e.has(Attribute.XATTRS)) {
            if (names == null) {
                e.drop(Attribute.XATTRS);
            } else {
                e.xattrs(xattrs(path, names));
            }
        }
        String selinux = names != null && names.contains("security.selinux") ? text(path, "security.selinux") : null;
        if (selinux == null) {
            e.drop(Attribute.SELINUX);
        } else {
            e.selinux(selinux);
        }
        String caps = names != null && names.contains("security.capability") ? capabilities(path) : null;
        if (caps == null) {
            e.drop(Attribute.CAPS);
        } else {
            e.caps(caps);
        }
    }

    private AclValue acl(String path, int mode, List<String> names) {
        String access = AclText.fromMode(mode);
        String defaults = null;
        try {
            if (names != null && names.contains("system.posix_acl_access")) {
                byte[] v = NativeFiles.getXattr(path, "system.posix_acl_access");
                access = v == null ? access : AclText.fromXattr(v);
            }
            if (FileTypes.isDirectory(mode) && names != null && names.contains("system.posix_acl_default")) {
                byte[] v = NativeFiles.getXattr(path, "system.posix_acl_default");
                defaults = v == null ? null : AclText.fromXattr(v);
            }
        } catch (NativeIOException | IllegalArgumentException ex) {
            counters.warn("cannot read the ACL of " + Paths8.display(path) + ": " + ex.getMessage());
        }
        return new AclValue(access, defaults);
    }

    private List<Xattr> xattrs(String path, List<String> names) {
        List<Xattr> list = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith("user.") || n.startsWith("security.") || n.startsWith("trusted.")) {
                try {
                    byte[] v = NativeFiles.getXattr(path, n);
                    if (v != null) {
                        list.add(new Xattr(n, v));
                    }
                } catch (NativeIOException ex) {
                    counters.warn("getxattr failed for " + Paths8.display(path) + ": " + ex.getMessage());
                }
            }
        }
        return list.isEmpty() ? null : list;
    }

    private String text(String path, String name) {
        try {
            byte[] v = NativeFiles.getXattr(path, name);
            if (v == null) {
                return null;
            }
            int end = 0;
            while (end < v.length && v[end] != 0) {
                end++;
            }
            return new String(v, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (NativeIOException ex) {
            counters.warn("cannot read " + name + " of " + Paths8.display(path) + ": " + ex.getMessage());
            return null;
        }
    }

    private String capabilities(String path) {
        try {
            byte[] v = NativeFiles.getXattr(path, "security.capability");
            return v == null ? null : CapabilityText.fromXattr(v);
        } catch (NativeIOException | IllegalArgumentException ex) {
            counters.warn("cannot read the capabilities of " + Paths8.display(path) + ": " + ex.getMessage());
            return null;
        }
    }

    private void readContent(DbEntry e, String path, FileStat st) throws InterruptedException {
        AttributeSet hashes = e.attrs().hashes();
        boolean wantFlags = e.has(Attribute.E2FSATTRS);
        if (!FileTypes.isRegular(st.mode())) {
            e.attrs(e.attrs().minus(hashes));
            Long flags = wantFlags && FileTypes.isDirectory(st.mode()) ? E2fsFlags.ofDirectory(path) : null;
            setFlags(e, flags);
            return;
        }
        if (hashes.isEmpty() && !wantFlags) {
            return;
        }
        try {
            ContentReader.Content c = content.read(path, st, hashes, wantFlags);
            setFlags(e, c.flags());
            if (c.digests() == null) {
                e.attrs(e.attrs().minus(hashes));
                counters.warn(Paths8.display(path) + ": " + c.problem());
            } else {
                c.digests().forEach(e::hash);
            }
        } catch (NativeIOException ex) {
            e.attrs(e.attrs().minus(hashes));
            setFlags(e, null);
            counters.skipped(ex.vanished() ? "vanished" : ex.permissionDenied() ? "permission" : "read-error",
                    "cannot hash " + ex.getMessage());
        }
    }

    private static void setFlags(DbEntry e, Long flags) {
        if (flags == null) {
            e.drop(Attribute.E2FSATTRS).e2fsattrs(0);
        } else {
            e.e2fsattrs(flags);
        }
    }
}
