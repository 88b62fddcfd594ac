package io.fileintegrity.provider.aide.database;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link DbEntry} into one database line and back, for a given {@code @@db_spec} column list.
 *
 * <p>As AIDE 0.18 does ({@code strip_dbline} and {@code db_writeline_file}), a field whose attribute
 * is not in the entry's set is written as {@code 0}, except name, perm and inode, which are always
 * kept. Fields are separated by one space, with no trailing space.
 */
public final class EntryLineCodec {
    private final List<Attribute> columns;

    public EntryLineCodec(List<Attribute> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<Attribute> columns() {
        return columns;
    }

    /** The line for an entry, without the newline. */
    public String encode(DbEntry e) {
        StringBuilder b = new StringBuilder(256);
        for (Attribute column : columns) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(encodeField(e, column));
        }
        return b.toString();
    }

    /** AIDE's {@code strip_dbline} keeps the size for {@code S}, and for {@code growing} with hashes. */
    private static boolean sizeKept(DbEntry e) {
        return e.has(Attribute.SIZEG) || (e.has(Attribute.GROWING) && !e.attrs().hashes().isEmpty());
    }

    private static String encodeField(DbEntry e, Attribute a) {
        boolean kept = e.has(a) || a == Attribute.NAME || a == Attribute.PERM || a == Attribute.INODE
                || a == Attribute.ATTR || (a == Attribute.SIZE && sizeKept(e));
        if (!kept) {
            return "0";
        }
        return switch (a) {
            case NAME -> FieldCodec.encode(e.name());
            case LNAME -> FieldCodec.encodeOptional(e.linkName());
            case PERM -> Integer.toOctalString(e.perm());
            case UID -> Long.toString(e.uid());
            case GID -> Long.toString(e.gid());
            case SIZE -> Long.toString(e.size());
            case ATIME -> FieldCodec.encodeTime(e.atime());
            case CTIME -> FieldCodec.encodeTime(e.ctime());
            case MTIME -> FieldCodec.encodeTime(e.mtime());
            case INODE -> Long.toString(e.inode());
            case BCOUNT -> Long.toString(e.bcount());
            case LCOUNT -> Long.toString(e.lcount());
            case ATTR -> Long.toUnsignedString(e.attrs().bits());
            case ACL -> encodeAcl(e.acl());
            case XATTRS -> encodeXattrs(e.xattrs());
            case SELINUX -> FieldCodec.encodeText(e.selinux());
            case E2FSATTRS -> Long.toString(e.e2fsattrs());
            case CAPS -> FieldCodec.encodeText(e.caps());
            default -> FieldCodec.encodeBytes(e.hash(a));
        };
    }

    private static String encodeAcl(AclValue acl) {
        if (acl == null) {
            return "0";
        }
        return "POSIX," + FieldCodec.encodeText(acl.access()) + "," + FieldCodec.encodeText(acl.defaults());
    }

    private static String encodeXattrs(List<Xattr> xattrs) {
        if (xattrs == null || xattrs.isEmpty()) {
            return "0";
        }
        StringBuilder b = new StringBuilder().append(xattrs.size());
        for (Xattr x : xattrs) {
            b.append(',').append(FieldCodec.encodeOptional(x.key()));
            b.append(',').append(FieldCodec.encodeBytes(x.value()));
        }
        return b.toString();
    }

    /**
     * Parses the fields of one line.
     *
     * @param fields the line split at single spaces
     * @param specAttrs the attribute set implied by the spec, used when there is no {@code attr} column
     * @throws IllegalArgumentException naming the column and problem
     */
    public DbEntry decode(String[] fields, AttributeSet specAttrs) {
        if (fields.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " fields as in @@db_spec, found "
                    + fields.length);
        }
        DbEntry e = new DbEntry(FieldCodec.decode(fields[0]));
        e.attrs(specAttrs);
        for (int i = 1; i < fields.length; i++) {
            Attribute a = columns.get(i);
            try {
                decodeField(e, a, fields[i]);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("column '" + a.dbName() + "': " + ex.getMessage(), ex);
            }
        }
        return e;
    }

    private static void decodeField(DbEntry e, Attribute a, String f) {
        switch (a) {
            case LNAME -> e.linkName(FieldCodec.decodeOptional(f));
            case PERM -> e.perm(parseInt(f, 8));
            case UID -> e.uid(parseLong(f));
            case GID -> e.gid(parseLong(f));
            case SIZE -> e.size(parseLong(f));
            case ATIME -> e.atime(FieldCodec.decodeTime(f));
            case CTIME -> e.ctime(FieldCodec.decodeTime(f));
            case MTIME -> e.mtime(FieldCodec.decodeTime(f));
            case INODE -> e.inode(parseLong(f));
            case BCOUNT -> e.bcount(parseLong(f));
            case LCOUNT -> e.lcount(parseLong(f));
            case ATTR -> e.attrs(AttributeSet.fromBits(parseUnsigned(f)));
            case ACL -> e.acl(decodeAcl(f));
            case XATTRS -> e.xattrs(decodeXattrs(f));
            case SELINUX -> e.selinux(FieldCodec.decodeText(f));
            case E2FSATTRS -> e.e2fsattrs(parseLong(f));
            case CAPS -> e.caps(FieldCodec.decodeText(f));
            default -> e.hash(a, decodeDigest(a, f));
        }
    }

    private static byte[] decodeDigest(Attribute a, String f) {
        byte[] digest = FieldCodec.decodeBytes(f);
        if (digest != null && a.digestLength() > 0 && digest.length != a.digestLength()) {
            throw new IllegalArgumentException("digest has " + digest.length + " bytes, " + a.configName()
                    + " has " + a.digestLength());
        }
        return digest;
    }

    private static AclValue decodeAcl(String f) {
        if (f.startsWith("0")) {
            return null;
        }
        String[] parts = f.split(",", -1);
        if (parts.length != 3 || !parts[0].equals("POSIX")) {
            throw new IllegalArgumentException("ACL value '" + f + "' is not POSIX,<access>,<default>");
        }
        return new AclValue(FieldCodec.decodeText(parts[1]), FieldCodec.decodeText(parts[2]));
    }

    private static List<Xattr> decodeXattrs(String f) {
        String[] parts = f.split(",", -1);
        int n = parseInt(parts[0], 10);
        if (n < 0 || parts.length != 1 + 2 * n) {
            throw new IllegalArgumentException("xattrs value announces " + n + " attributes but has "
                    + (parts.length - 1) + " parts");
        }
        if (n == 0) {
            return null;
        }
        List<Xattr> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = FieldCodec.decodeOptional(parts[1 + 2 * i]);
            byte[] value = FieldCodec.decodeBytes(parts[2 + 2 * i]);
            list.add(new Xattr(key == null ? "" : key, value == null ? new byte[0] : value));
        }
        return list;
    }

    private static long parseLong(String f) {
        try {
            return Long.parseLong(f);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + f + "' is not a decimal number");
        }
    }

    private static long parseUnsigned(String f) {
        try {
            return Long.parseUnsignedLong(f);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + f + "' is not an attribute mask");
        }
    }

    private static int parseInt(String f, int radix) {
        try {
            return Integer.parseInt(f, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + f + "' is not a " + (radix == 8 ? "octal" : "decimal")
                    + " number");
        }
    }
}
