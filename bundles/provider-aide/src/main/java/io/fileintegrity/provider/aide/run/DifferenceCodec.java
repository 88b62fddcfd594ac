package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.AclValue;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.Xattr;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A lossless binary form of a {@link Difference} for the spill file of {@link DifferenceStore}: every
 * field of both entries, whatever their attribute sets (the database line format drops fields outside
 * the set, which the report can still show).
 */
final class DifferenceCodec {
    private static final Attribute[] ATTRIBUTES = Attribute.values();

    private DifferenceCodec() {}

    static void write(DataOutput out, Difference d) throws IOException {
        out.writeLong(d.changed().bits());
        out.writeByte((d.old() == null ? 0 : 1) | (d.current() == null ? 0 : 2));
        if (d.old() != null) {
            writeEntry(out, d.old());
        }
        if (d.current() != null) {
            writeEntry(out, d.current());
        }
    }

    static Difference read(DataInput in) throws IOException {
        AttributeSet changed = AttributeSet.fromBits(in.readLong());
        int present = in.readUnsignedByte();
        DbEntry old = (present & 1) != 0 ? readEntry(in) : null;
        DbEntry current = (present & 2) != 0 ? readEntry(in) : null;
        return new Difference(old, current, changed);
    }

    private static void writeEntry(DataOutput out, DbEntry e) throws IOException {
        writeString(out, e.name());
        out.writeLong(e.attrs().bits());
        out.writeInt(e.perm());
        for (long v : new long[] {e.uid(), e.gid(), e.size(), e.atime(), e.ctime(), e.mtime(), e.inode(), e.bcount(),
            e.lcount(), e.e2fsattrs()}) {
            out.writeLong(v);
        }
        writeString(out, e.linkName());
        writeString(out, e.selinux());
        writeString(out, e.caps());
        writeString(out, e.acl() == null ? null : e.acl().access());
        writeString(out, e.acl() == null ? null : e.acl().defaults());
        out.writeBoolean(e.acl() != null);
        List<Xattr> xattrs = e.xattrs();
        out.writeInt(xattrs == null ? -1 : xattrs.size());
        for (Xattr x : xattrs == null ? List.<Xattr>of() : xattrs) {
            writeString(out, x.key());
            writeBytes(out, x.value());
        }
        for (Attribute a : ATTRIBUTES) {
            if (a.isHash() && e.hash(a) != null) {
                out.writeShort(a.ordinal());
                writeBytes(out, e.hash(a));
            }
        }
        out.writeShort(-1);
    }

    private static DbEntry readEntry(DataInput in) throws IOException {
        DbEntry e = new DbEntry(readString(in)).attrs(AttributeSet.fromBits(in.readLong())).perm(in.readInt());
        e.uid(in.readLong()).gid(in.readLong()).size(in.readLong()).atime(in.readLong()).ctime(in.readLong())
                .mtime(in.readLong()).inode(in.readLong()).bcount(in.readLong()).lcount(in.readLong())
                .e2fsattrs(in.readLong());
        e.linkName(readString(in)).selinux(readString(in)).caps(readString(in));
        String access = readString(in);
        String defaults = readString(in);
        if (in.readBoolean()) {
            e.acl(new AclValue(access, defaults));
        }
        int n = in.readInt();
        if (n >= 0) {
            List<Xattr> xattrs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                xattrs.add(new Xattr(readString(in), readBytes(in)));
            }
            e.xattrs(xattrs);
        }
        for (int a; (a = in.readShort()) >= 0; ) {
            e.hash(ATTRIBUTES[a], readBytes(in));
        }
        return e;
    }

    /** Strings are byte strings in the engine, but any char survives: UTF-8 with a length. */
    private static void writeString(DataOutput out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInput in) throws IOException {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutput out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
