package io.fileintegrity.provider.aide.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.AclValue;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.Xattr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DifferenceStoreTest {
    @TempDir
    Path dir;

    /** An entry with every field set, names with non-UTF-8 bytes and a newline. */
    static DbEntry full(String name, int seed) {
        byte[] sha256 = new byte[32];
        byte[] sha512 = new byte[64];
        sha256[0] = (byte) seed;
        sha512[63] = (byte) (seed * 7);
        return new DbEntry(name).attrs(AttributeSet.of(Attribute.PERM, Attribute.UID, Attribute.SIZE, Attribute.SHA256,
                Attribute.SHA512, Attribute.ACL, Attribute.XATTRS, Attribute.ALLOWNEWFILE)).perm(0100644).uid(seed)
                .gid(seed + 1).size(seed * 1000L).atime(1).ctime(2).mtime(3).inode(seed + 100).bcount(8).lcount(1)
                .linkName("target\u00ff").hash(Attribute.SHA256, sha256).hash(Attribute.SHA512, sha512)
                .acl(new AclValue("user::rw-\n", null)).xattrs(List.of(new Xattr("user.k", new byte[] {0, 1, (byte) 0xff})))
                .selinux("system_u:object_r:etc_t:s0").e2fsattrs(0x80000).caps("cap_net_raw=ep");
    }

    static List<Difference> differences(int n) {
        List<Difference> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "/srv/\u00e9\n" + i;
            list.add(switch (i % 3) {
                case 0 -> new Difference(null, full(name, i), AttributeSet.EMPTY);
                case 1 -> new Difference(full(name, i), null, AttributeSet.EMPTY);
                default -> new Difference(full(name, i), full(name, i + 1),
                        AttributeSet.of(Attribute.SIZE, Attribute.SHA256));
            });
        }
        return list;
    }

    static List<Difference> read(DifferenceStore store) throws IOException {
        List<Difference> out = new ArrayList<>();
        store.forEach(out::add);
        return out;
    }

    @Test
    void keepsFewDifferencesInMemoryWithoutAFile() throws IOException {
        try (DifferenceStore store = new DifferenceStore(dir, 10)) {
            for (Difference d : differences(10)) {
                store.add(d);
            }
            assertFalse(store.spilled());
            assertEquals(differences(10), read(store));
        }
    }

    @Test
    void spillsBeyondTheThresholdAndReadsEveryFieldBackInOrderOnEveryPass() throws IOException {
        List<Difference> expected = differences(50);
        try (DifferenceStore store = new DifferenceStore(dir, 4)) {
            for (Difference d : expected) {
                store.add(d);
            }
            assertTrue(store.spilled());
            assertEquals(50, store.size());
            assertEquals(expected, read(store));
            assertEquals(expected, read(store), "second pass");
        }
    }

    @Test
    void theSpillFileHasNoNameWhileInUseAndNothingIsLeftAfterClose() throws IOException {
        DifferenceStore store = new DifferenceStore(dir, 1);
        for (Difference d : differences(5)) {
            store.add(d);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "the spill file is unlinked as soon as it is open");
        }
        store.close();
        assertThrows(IOException.class, () -> read(store), "closed");
    }

    @Test
    void anUnusableSpillDirectoryIsAnErrorNamingIt() {
        Path missing = dir.resolve("missing");
        DifferenceStore store = new DifferenceStore(missing, 1);
        IOException e = assertThrows(IOException.class, () -> {
            for (Difference d : differences(3)) {
                store.add(d);
            }
        });
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        store.close();
    }
}
