package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;

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
    private final XattrAttributes xattrAttributes;
    private final boolean aclOnSymlinks;
    private final ScanCounters counters;

    AttributeCollector(ContentReader content, boolean aclOnSymlinks, ScanCounters counters) {
        this.content = content;
        this.xattrAttributes = new XattrAttributes(counters);
        this.aclOnSymlinks = aclOnSymlinks;
        this.counters = counters;
    }

    /**
     * The entry for a walked path, or null when it vanished before it could be examined. {@code st} is
     * the walker's lstat, or {@link FileStat#UNREAD_REGULAR} for a regular file it did not stat.
     */
    DbEntry collect(String diskPath, String name, FileStat st, AttributeSet wanted) throws InterruptedException {
        return st == FileStat.UNREAD_REGULAR ? collectUnread(diskPath, name, wanted)
                : collect(diskPath, name, st, wanted, -1);
    }

    /** Opens a regular file the walker did not stat; its fstat is the entry's metadata. */
    private DbEntry collectUnread(String diskPath, String name, AttributeSet wanted) throws InterruptedException {
        int fd;
        try {
            fd = ContentReader.open(diskPath);
        } catch (NativeIOException ex) {
            return collectAfterLstat(diskPath, name, wanted); // now a symlink, unreadable, or gone
        }
        FileStat st = null;
        try {
            st = NativeFiles.fstat(fd, diskPath);
        } catch (NativeIOException ex) {
            // handled below with lstat
        }
        if (st == null || !FileTypes.isRegular(st.mode())) {
            LibC.close(fd);
            return collectAfterLstat(diskPath, name, wanted); // replaced since the directory was read
        }
        return collect(diskPath, name, st, wanted, fd);
    }

    private DbEntry collectAfterLstat(String diskPath, String name, AttributeSet wanted) throws InterruptedException {
        try {
            return collect(diskPath, name, NativeFiles.lstat(diskPath), wanted, -1);
        } catch (NativeIOException e) {
            counters.skipped(e.vanished() ? "vanished" : "permission", "lstat failed: " + e.getMessage());
            return null;
        }
    }

    /** {@code openFd}: a descriptor of the file whose fstat {@code st} is (closed here), or -1. */
    private DbEntry collect(String diskPath, String name, FileStat st, AttributeSet wanted, int openFd)
            throws InterruptedException {
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
        boolean xattrBased = e.attrs().intersects(XATTR_BASED);
        if (FileTypes.isRegular(mode) && (!e.attrs().hashes().isEmpty() || e.has(Attribute.E2FSATTRS))) {
            readRegular(e, diskPath, st, xattrBased, openFd);
        } else {
            if (openFd >= 0) {
                LibC.close(openFd);
            }
            if (xattrBased) {
                xattrAttributes.collect(e, diskPath, -1, mode);
            }
            if (!FileTypes.isRegular(mode)) {
                readNonRegular(e, diskPath, mode);
            }
        }
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
        if (a.contains(Attribute.SIZE) || a.contains(Attribute.SIZEG) || a.contains(Attribute.GROWING)) {
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

    /** Hashes of a file that is not regular are dropped; directories can have e2fs flags. */
    private static void readNonRegular(DbEntry e, String path, int mode) {
        e.attrs(e.attrs().minus(e.attrs().hashes()));
        boolean wantFlags = e.has(Attribute.E2FSATTRS);
        setFlags(e, wantFlags && FileTypes.isDirectory(mode) ? E2fsFlags.ofDirectory(path) : null);
    }

    /** Opens a regular file once (unless {@code openFd} is open) for its xattrs, e2fs flags and content. */
    private void readRegular(DbEntry e, String path, FileStat st, boolean xattrBased, int openFd)
            throws InterruptedException {
        AttributeSet hashes = e.attrs().hashes();
        int fd = openFd;
        try {
            if (fd < 0) {
                fd = ContentReader.open(path);
            }
        } catch (NativeIOException ex) {
            if (xattrBased) {
                xattrAttributes.collect(e, path, -1, st.mode());
            }
            contentFailed(e, hashes, ex);
            return;
        }
        try {
            if (xattrBased) {
                xattrAttributes.collect(e, path, fd, st.mode());
            }
            FileStat opened = openFd >= 0 ? st : null;
            ContentReader.Content c = content.read(fd, path, st, opened, hashes, e.has(Attribute.E2FSATTRS));
            setFlags(e, c.flags());
            if (c.digests() == null) {
                e.attrs(e.attrs().minus(hashes));
                counters.warn(Paths8.display(path) + ": " + c.problem());
            } else {
                c.digests().forEach(e::hash);
            }
        } catch (NativeIOException ex) {
            contentFailed(e, hashes, ex);
        } finally {
            LibC.close(fd);
        }
    }

    private void contentFailed(DbEntry e, AttributeSet hashes, NativeIOException ex) {
        e.attrs(e.attrs().minus(hashes));
        setFlags(e, null);
        counters.skipped(ex.vanished() ? "vanished" : ex.permissionDenied() ? "permission" : "read-error",
                "cannot hash " + ex.getMessage());
    }

    private static void setFlags(DbEntry e, Long flags) {
        if (flags == null) {
            e.drop(Attribute.E2FSATTRS).e2fsattrs(0);
        } else {
            e.e2fsattrs(flags);
        }
    }
}
