package io.fileintegrity.provider.aide.database;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Entries that exercise every field encoding. */
final class SampleEntries {
    static final AttributeSet ALL = AttributeSet.of(Attribute.NAME, Attribute.LNAME, Attribute.PERM, Attribute.UID,
            Attribute.GID, Attribute.SIZE, Attribute.ATIME, Attribute.CTIME, Attribute.MTIME, Attribute.INODE,
            Attribute.BCOUNT, Attribute.LCOUNT, Attribute.ACL, Attribute.SHA256, Attribute.SHA512, Attribute.SELINUX,
            Attribute.XATTRS, Attribute.E2FSATTRS, Attribute.CAPS, Attribute.FTYPE);
    static final List<Attribute> COLUMNS = DatabaseColumns.forRules(ALL);

    private SampleEntries() {}

    static List<DbEntry> entries() {
        return sorted(
                dir("/"),
                file("/etc").perm(040755),
                file("/etc/odd name #1%@:").perm(0100600),
                file("/etc/new\nline\u00ff\u0001").perm(0100644),
                link("/etc/zero", "0starts-with-zero"),
                link("/etc/empty", ""),
                file("/etc/x").xattrs(List.of(new Xattr("user.a b", "v".getBytes(StandardCharsets.US_ASCII)),
                        new Xattr("trusted.z", new byte[] {0, 1, 2, (byte) 255}))).selinux("system_u:object_r:etc_t:s0")
                        .caps("cap_net_raw=ep").acl(new AclValue("user::rw-\ngroup::r--\nother::r--\n", null)),
                file("/etc/x/y").e2fsattrs(0x80000));
    }

    private static List<DbEntry> sorted(DbEntry... entries) {
        List<DbEntry> list = new java.util.ArrayList<>(List.of(entries));
        list.sort((a, b) -> PathOrder.INSTANCE.compare(a.name(), b.name()));
        return list;
    }

    static DbEntry dir(String name) {
        return file(name).perm(040700);
    }

    static DbEntry file(String name) {
        byte[] d256 = new byte[32];
        byte[] d512 = new byte[64];
        for (int i = 0; i < d512.length; i++) {
            d512[i] = (byte) (name.hashCode() * 31 + i);
            if (i < 32) {
                d256[i] = (byte) (name.length() + i);
            }
        }
        return new DbEntry(name).attrs(ALL).perm(0100644).uid(1000).gid(100).size(12345678901L).atime(1795548069)
                .ctime(1795548070).mtime(0).inode(2146627).bcount(8).lcount(2).hash(Attribute.SHA256, d256)
                .hash(Attribute.SHA512, d512).acl(new AclValue("user::rwx\n", "user::r--\n"));
    }

    static DbEntry link(String name, String target) {
        return new DbEntry(name).attrs(AttributeSet.of(Attribute.NAME, Attribute.LNAME, Attribute.PERM, Attribute.INODE))
                .perm(0120777).inode(77).linkName(target);
    }
}
