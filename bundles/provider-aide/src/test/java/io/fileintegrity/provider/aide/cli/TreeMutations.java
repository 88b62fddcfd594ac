package io.fileintegrity.provider.aide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mutations beyond mutate.sh, made directly (no external tools): owner, mode, mtime only, xattr, ACL,
 * capabilities, symlink target, hard link, type change, odd names.
 */
final class TreeMutations {
    interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int lsetxattr(byte[] path, String name, byte[] value, long size, int flags);

        int lchown(String path, int uid, int gid);

        int creat(byte[] path, int mode);

        int close(int fd);
    }

    private TreeMutations() {}

    /** Files of the tree that mutate.sh does not touch (its picks are spread over the sorted list). */
    static List<Path> untouchedFiles(Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(Files::isRegularFile).filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> p.getFileName().toString().startsWith("f")).sorted().toList();
        }
    }

    static void apply(Path tree) throws IOException {
        List<Path> files = untouchedFiles(tree);
        int n = files.size();
        chown(files.get(n * 3 / 100), 1234);
        Files.setPosixFilePermissions(files.get(n * 5 / 100).getParent(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(files.get(n * 7 / 100), FileTime.fromMillis(978307200_000L));
        xattr(files.get(n * 13 / 100), "user.fio-test", "hello".getBytes(StandardCharsets.US_ASCII));
        xattr(files.get(n * 17 / 100), "system.posix_acl_access", acl(0640, 4321));
        xattr(files.get(n * 23 / 100), "security.capability", capNetRaw());
        Path typeChange = files.get(n * 27 / 100);
        Files.delete(typeChange);
        Files.createDirectory(typeChange);
        Files.createLink(files.get(n * 33 / 100).resolveSibling("zz_hardlink"), files.get(n * 33 / 100));
        retargetSymlink(tree);
        oddNames(files.get(n * 37 / 100).getParent());
    }

    private static void chown(Path p, int uid) {
        assertEquals(0, C.INSTANCE.lchown(p.toString(), uid, -1), "lchown " + p);
    }

    static void xattr(Path p, String name, byte[] value) {
        byte[] path = (p + "\0").getBytes(StandardCharsets.UTF_8);
        assertEquals(0, C.INSTANCE.lsetxattr(path, name, value, value.length, 0), "lsetxattr " + name + " " + p
                + " errno " + Native.getLastError());
    }

    /** A version-2 ACL xattr: owner/group/other from the mode, one named user, and a mask. */
    private static byte[] acl(int mode, int uid) {
        ByteBuffer b = ByteBuffer.allocate(4 + 5 * 8).order(ByteOrder.LITTLE_ENDIAN).putInt(2);
        entry(b, 0x01, (mode >> 6) & 7, -1);
        entry(b, 0x02, 6, uid);
        entry(b, 0x04, (mode >> 3) & 7, -1);
        entry(b, 0x10, 4, -1);
        entry(b, 0x20, mode & 7, -1);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int perm, int id) {
        b.putShort((short) tag).putShort((short) perm).putInt(id);
    }

    /** vfs_cap_data revision 2, effective, permitted = cap_net_raw. */
    private static byte[] capNetRaw() {
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02000001).putInt(1 << 13).putInt(0)
                .putInt(0).putInt(0).array();
    }

    private static void retargetSymlink(Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            Path link = s.filter(Files::isSymbolicLink).sorted().findFirst().orElseThrow();
            Files.delete(link);
            Files.createSymbolicLink(link, Path.of("retargeted-by-test"));
        }
    }

    /** A name with a newline and one that is not valid UTF-8. */
    static void oddNames(Path dir) throws IOException {
        Files.writeString(dir.resolve("new\nline name"), "x");
        byte[] raw = (dir + "/bad\u0001").getBytes(StandardCharsets.UTF_8);
        byte[] path = new byte[raw.length + 2];
        System.arraycopy(raw, 0, path, 0, raw.length);
        path[raw.length] = (byte) 0xff;
        int fd = C.INSTANCE.creat(path, 0644);
        C.INSTANCE.close(fd);
    }
}
