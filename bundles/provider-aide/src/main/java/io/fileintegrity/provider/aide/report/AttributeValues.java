package io.fileintegrity.provider.aide.report;

import io.fileintegrity.provider.aide.config.ReportLevel;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.database.AclValue;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.FileTypes;
import io.fileintegrity.provider.aide.database.Xattr;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The printed value(s) of one attribute of an entry, as AIDE's {@code get_attribute_values}. */
final class AttributeValues {
    private static final String PRINTABLE_XATTR =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_:;,[]{}<>()!@#$%^&*|\\/?~";

    private AttributeValues() {}

    /** The values; empty when the entry is null or does not have the attribute. */
    static List<String> of(DbEntry e, Attribute a, ReportSettings o) {
        if (e == null || !e.has(a)) {
            return List.of();
        }
        return switch (a) {
            case ACL -> acl(e.acl());
            case XATTRS -> xattrs(e.xattrs());
            case FTYPE -> List.of(String.valueOf(FileTypes.word(e.perm())));
            case LNAME -> List.of(String.valueOf(e.linkName()));
            case SIZE, SIZEG -> List.of(Long.toString(e.size()));
            case PERM -> List.of(FileTypes.permissionString(e.perm()));
            case ATIME -> List.of(ReportText.time(e.atime()));
            case MTIME -> List.of(ReportText.time(e.mtime()));
            case CTIME -> List.of(ReportText.time(e.ctime()));
            case BCOUNT -> List.of(Long.toString(e.bcount()));
            case UID -> List.of(Long.toString(e.uid()));
            case GID -> List.of(Long.toString(e.gid()));
            case INODE -> List.of(Long.toString(e.inode()));
            case LCOUNT -> List.of(Long.toString(e.lcount()));
            case SELINUX -> List.of(String.valueOf(e.selinux()));
            case E2FSATTRS -> List.of(ReportText.e2fsFlags(e.e2fsattrs(), ReportText.e2fsMask(o.ignoreE2fsattrs())));
            case CAPS -> List.of(String.valueOf(e.caps()));
            default -> a.isHash() ? List.of(digest(e.hash(a), a, o.base16())) : List.of("unknown attribute");
        };
    }

    private static String digest(byte[] d, Attribute a, boolean base16) {
        byte[] value = d == null ? new byte[a.digestLength()] : d;
        return base16 ? HexFormat.of().formatHex(value) : Base64.getEncoder().encodeToString(value);
    }

    private static List<String> acl(AclValue acl) {
        List<String> lines = new ArrayList<>();
        if (acl != null) {
            addLines(lines, 'A', acl.access());
            addLines(lines, 'D', acl.defaults());
        }
        return lines;
    }

    private static void addLines(List<String> lines, char kind, String text) {
        if (text == null) {
            return;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(kind + ": " + text.substring(start, i));
                start = i + 1;
            }
        }
    }

    private static List<String> xattrs(List<Xattr> xattrs) {
        int n = xattrs == null ? 0 : xattrs.size();
        List<String> lines = new ArrayList<>(n + 1);
        lines.add("num=" + n);
        for (int i = 0; i < n; i++) {
            Xattr x = xattrs.get(i);
            byte[] v = x.value();
            String printable = printable(v);
            lines.add(printable != null ? "[" + (i + 1) + "] " + x.key() + " = " + printable
                    : "[" + (i + 1) + "] " + x.key() + " <=> " + Base64.getEncoder().encodeToString(v));
        }
        return lines;
    }

    /** The value as text if it is made of AIDE's printable characters (optionally NUL-terminated). */
    private static String printable(byte[] v) {
        int len = 0;
        while (len < v.length && PRINTABLE_XATTR.indexOf((char) (v[len] & 0xff)) >= 0 && v[len] != 0) {
            len++;
        }
        if (len == v.length || (len == v.length - 1 && v[len] == 0)) {
            return new String(v, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return null;
    }
}
