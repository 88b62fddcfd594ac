package io.fileintegrity.provider.aide.database;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One database line: a file-system entry and the attributes AIDE keeps for it.
 *
 * <p>Names, link targets, xattr keys and SELinux contexts are "byte strings": Java strings in which
 * every char is one byte of the on-disk name (ISO-8859-1), so that names that are not valid UTF-8
 * survive unchanged. {@link #attrs()} is the per-entry attribute set (the DB {@code attr} field):
 * only attributes in it are compared. Mutable; used by one thread at a time.
 */
public final class DbEntry {
    private final String name;
    private AttributeSet attrs = AttributeSet.EMPTY;
    private int perm;
    private long uid;
    private long gid;
    private long size;
    private long atime;
    private long ctime;
    private long mtime;
    private long inode;
    private long bcount;
    private long lcount;
    private String linkName;
    private final Map<Attribute, byte[]> hashes = new EnumMap<>(Attribute.class);
    private AclValue acl;
    private List<Xattr> xattrs;
    private String selinux;
    private long e2fsattrs;
    private String caps;

    public DbEntry(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() { return name; }
    public AttributeSet attrs() { return attrs; }
    public int perm() { return perm; }
    public long uid() { return uid; }
    public long gid() { return gid; }
    public long size() { return size; }
    public long atime() { return atime; }
    public long ctime() { return ctime; }
    public long mtime() { return mtime; }
    public long inode() { return inode; }
    public long bcount() { return bcount; }
    public long lcount() { return lcount; }
    /** Symlink target as a byte string, or null. */
    public String linkName() { return linkName; }
    /** The digest for a hash attribute, or null. */
    public byte[] hash(Attribute attribute) { return hashes.get(attribute); }
    public AclValue acl() { return acl; }
    /** Extended attributes in the order read, or null when there are none. */
    public List<Xattr> xattrs() { return xattrs; }
    public String selinux() { return selinux; }
    public long e2fsattrs() { return e2fsattrs; }
    public String caps() { return caps; }

    /** The file type bits of {@link #perm()} ({@code S_IFMT}). */
    public int fileType() {
        return perm & FileTypes.S_IFMT;
    }

    public boolean has(Attribute attribute) {
        return attrs.contains(attribute);
    }

    public DbEntry attrs(AttributeSet value) { attrs = value; return this; }
    public DbEntry perm(int value) { perm = value; return this; }
    public DbEntry uid(long value) { uid = value; return this; }
    public DbEntry gid(long value) { gid = value; return this; }
    public DbEntry size(long value) { size = value; return this; }
    public DbEntry atime(long value) { atime = value; return this; }
    public DbEntry ctime(long value) { ctime = value; return this; }
    public DbEntry mtime(long value) { mtime = value; return this; }
    public DbEntry inode(long value) { inode = value; return this; }
    public DbEntry bcount(long value) { bcount = value; return this; }
    public DbEntry lcount(long value) { lcount = value; return this; }
    public DbEntry linkName(String value) { linkName = value; return this; }
    public DbEntry acl(AclValue value) { acl = value; return this; }
    public DbEntry xattrs(List<Xattr> value) { xattrs = value == null ? null : List.copyOf(value); return this; }
    public DbEntry selinux(String value) { selinux = value; return this; }
    public DbEntry e2fsattrs(long value) { e2fsattrs = value; return this; }
    public DbEntry caps(String value) { caps = value; return this; }

    public DbEntry hash(Attribute attribute, byte[] digest) {
        if (digest == null) {
            hashes.remove(attribute);
        } else {
            hashes.put(attribute, digest.clone());
        }
        return this;
    }

    /** Removes an attribute from the per-entry set (AIDE drops what it could not collect). */
    public DbEntry drop(Attribute attribute) {
        attrs = attrs.minus(attribute);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DbEntry e)) {
            return false;
        }
        return name.equals(e.name) && attrs.equals(e.attrs) && perm == e.perm && uid == e.uid && gid == e.gid
                && size == e.size && atime == e.atime && ctime == e.ctime && mtime == e.mtime && inode == e.inode
                && bcount == e.bcount && lcount == e.lcount && Objects.equals(linkName, e.linkName)
                && hashesEqual(e) && Objects.equals(acl, e.acl) && Objects.equals(xattrs, e.xattrs)
                && Objects.equals(selinux, e.selinux) && e2fsattrs == e.e2fsattrs && Objects.equals(caps, e.caps);
    }

    private boolean hashesEqual(DbEntry e) {
        if (!hashes.keySet().equals(e.hashes.keySet())) {
            return false;
        }
        return hashes.entrySet().stream().allMatch(h -> Arrays.equals(h.getValue(), e.hashes.get(h.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, attrs, perm, size, mtime, inode);
    }

    @Override
    public String toString() {
        return "DbEntry[" + name + " " + attrs + "]";
    }
}
