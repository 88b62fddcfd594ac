package io.fileintegrity.provider.aide.scan;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POSIX ACLs in libacl's {@code acl_to_text} form, which is what AIDE stores: one entry per line,
 * {@code user::rw-}, {@code user:alice:r--\t#effective:r--}, ... Built from the kernel's
 * {@code system.posix_acl_*} xattr (version 2: a 4-byte header, then 8-byte entries of tag, perm, id),
 * or from the mode bits when a file has no extended ACL (the "minimal ACL").
 */
final class AclText {
    private static final int USER_OBJ = 0x01;
    private static final int USER = 0x02;
    private static final int GROUP_OBJ = 0x04;
    private static final int GROUP = 0x08;
    private static final int MASK = 0x10;
    private static final int OTHER = 0x20;
    /** Minimal ACL texts by permission bits, filled on first use. */
    private static final String[] MINIMAL = new String[512];
    private static final Map<Long, String> USER_NAMES = new ConcurrentHashMap<>();
    private static final Map<Long, String> GROUP_NAMES = new ConcurrentHashMap<>();

    private AclText() {}

    /** The minimal ACL of a mode: owner, group and other permissions. */
    static String fromMode(int mode) {
        int bits = mode & 0777;
        String text = MINIMAL[bits];
        if (text == null) {
            text = "user::" + rwx(bits >> 6) + "\ngroup::" + rwx(bits >> 3) + "\nother::" + rwx(bits) + "\n";
            MINIMAL[bits] = text; // a benign race: every thread computes the same string
        }
        return text;
    }

    /**
     * The text of an ACL xattr value, or null if it has no entries.
     *
     * @throws IllegalArgumentException if the value is not a version 2 ACL
     */
    static String fromXattr(byte[] value) {
        if (value.length < 4 || (value.length - 4) % 8 != 0) {
            throw new IllegalArgumentException("ACL xattr of " + value.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != 2) {
            throw new IllegalArgumentException("ACL xattr is not version 2");
        }
        int n = (value.length - 4) / 8;
        if (n == 0) {
            return null;
        }
        int mask = maskOf(value, n);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int tag = b.getShort() & 0xffff;
            int perm = b.getShort() & 0xffff;
            long id = Integer.toUnsignedLong(b.getInt());
            appendEntry(text, tag, perm, id, mask);
        }
        return text.toString();
    }

    private static int maskOf(byte[] value, int n) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int tag = b.getShort(4 + i * 8) & 0xffff;
            if (tag == MASK) {
                return b.getShort(6 + i * 8) & 0xffff;
            }
        }
        return -1;
    }

    private static void appendEntry(StringBuilder text, int tag, int perm, long id, int mask) {
        String head = switch (tag) {
            case USER_OBJ -> "user::";
            case USER -> "user:" + USER_NAMES.computeIfAbsent(id, AclText::userName) + ":";
            case GROUP_OBJ -> "group::";
            case GROUP -> "group:" + GROUP_NAMES.computeIfAbsent(id, AclText::groupName) + ":";
            case MASK -> "mask::";
            case OTHER -> "other::";
            default -> throw new IllegalArgumentException("unknown ACL tag " + tag);
        };
        text.append(head).append(rwx(perm));
        boolean masked = tag == USER || tag == GROUP_OBJ || tag == GROUP;
        if (masked && mask >= 0 && (perm & mask & 7) != (perm & 7)) {
            text.append("\t#effective:").append(rwx(perm & mask));
        }
        text.append('\n');
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-");
    }

    /** The login name of a uid ({@code pw_name} is the first field of {@code struct passwd}). */
    private static synchronized String userName(long uid) {
        Pointer pw = LibC.getpwuid((int) uid);
        return pw == null ? Long.toString(uid) : pw.getPointer(0).getString(0, "ISO-8859-1");
    }

    private static synchronized String groupName(long gid) {
        Pointer gr = LibC.getgrgid((int) gid);
        return gr == null ? Long.toString(gid) : gr.getPointer(0).getString(0, "ISO-8859-1");
    }
}
