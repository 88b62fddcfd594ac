package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.database.AclValue;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import io.fileintegrity.provider.aide.database.Xattr;
import java.util.ArrayList;
import java.util.List;

/**
 * The xattr-based attributes of one entry ({@code acl}, {@code xattrs}, {@code selinux}, {@code caps}),
 * read from an open descriptor when the caller has one (regular files being hashed: no path lookups)
 * or else from the path without following symlinks. Attributes a file does not have are dropped from
 * the entry, as AIDE does. Thread-safe.
 */
final class XattrAttributes {
    private final ScanCounters counters;

    XattrAttributes(ScanCounters counters) {
        this.counters = counters;
    }

    /** Collects into {@code e}; {@code fd} is an open descriptor of {@code path}, or -1. */
    void collect(DbEntry e, String path, int fd, int mode) {
        List<String> names;
        try {
            names = NativeFiles.listXattrs(path, fd);
        } catch (NativeIOException ex) {
            counters.warn("listxattrs failed for " + Paths8.display(path) + ": " + ex.getMessage());
            names = List.of();
        }
        if (e.has(Attribute.ACL)) {
            e.acl(acl(path, fd, mode, names));
        }
        if (e.has(Attribute.XATTRS)) {
            if (names == null) {
                e.drop(Attribute.XATTRS);
            } else {
                e.xattrs(xattrs(path, fd, names));
            }
        }
        String selinux = names != null && names.contains("security.selinux") ? text(path, fd, "security.selinux") : null;
        if (selinux == null) {
            e.drop(Attribute.SELINUX);
        } else {
            e.selinux(selinux);
        }
        String caps = names != null && names.contains("security.capability") ? capabilities(path, fd) : null;
        if (caps == null) {
            e.drop(Attribute.CAPS);
        } else {
            e.caps(caps);
        }
    }

    private AclValue acl(String path, int fd, int mode, List<String> names) {
        String access = AclText.fromMode(mode);
        String defaults = null;
        try {
            if (names != null && names.contains("system.posix_acl_access")) {
                byte[] v = NativeFiles.getXattr(path, fd, "system.posix_acl_access");
                access = v == null ? access : AclText.fromXattr(v);
            }
            if (FileTypes.isDirectory(mode) && names != null && names.contains("system.posix_acl_default")) {
                byte[] v = NativeFiles.getXattr(path, fd, "system.posix_acl_default");
                defaults = v == null ? null : AclText.fromXattr(v);
            }
        } catch (NativeIOException | IllegalArgumentException ex) {
            counters.warn("cannot read the ACL of " + Paths8.display(path) + ": " + ex.getMessage());
        }
        return new AclValue(access, defaults);
    }

    private List<Xattr> xattrs(String path, int fd, List<String> names) {
        List<Xattr> list = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith("user.") || n.startsWith("security.") || n.startsWith("trusted.")) {
                try {
                    byte[] v = NativeFiles.getXattr(path, fd, n);
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

    private String text(String path, int fd, String name) {
        try {
            byte[] v = NativeFiles.getXattr(path, fd, name);
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

    private String capabilities(String path, int fd) {
        try {
            byte[] v = NativeFiles.getXattr(path, fd, "security.capability");
            return v == null ? null : CapabilityText.fromXattr(v);
        } catch (NativeIOException | IllegalArgumentException ex) {
            counters.warn("cannot read the capabilities of " + Paths8.display(path) + ": " + ex.getMessage());
            return null;
        }
    }
}
