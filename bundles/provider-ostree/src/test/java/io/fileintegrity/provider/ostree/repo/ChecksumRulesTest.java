package io.fileintegrity.provider.ostree.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked values of research/ostree.md §3, each verified there against ostree 2022.7. */
class ChecksumRulesTest {

    private final ContentHasher hasher = new ContentHasher();

    private Checksum content(FileMeta meta, String text) throws Exception {
        return hasher.hash(meta, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).checksum();
    }

    @Test
    void regularFilePrefixIsTwentySixBytes() {
        FileMeta meta = new FileMeta(0, 0, 0100644, "", List.of());
        assertEquals("00000012000000000000000000000000000081a4000000000011",
                HexFormat.of().formatHex(meta.checksumPrefix()));
    }

    @Test
    void configFileChecksumMatchesOstree() throws Exception {
        assertEquals("57dcd6566f482135d02136b671c080c7ec258bac6cad2e70a88728599a4add6a",
                content(new FileMeta(0, 0, 0100644, "", List.of()), "# default configuration\nlevel=1\n").hex());
    }

    @Test
    void symlinkIsHashedOverItsHeaderOnly() throws Exception {
        FileMeta link = new FileMeta(0, 0, 0120777, "libfio.so.1.0", List.of());
        assertEquals("920acb60dfb7568684491497bdb4cd1df6365aea47be7162df12bf5918a9be4a",
                content(link, "ignored for symlinks").hex());
    }

    @Test
    void xattrsAreSortedByNameBeforeHashing() throws Exception {
        FileMeta meta = new FileMeta(0, 0, 0100644, "", List.of(
                new Xattr("user.fio", "hello".getBytes(StandardCharsets.US_ASCII)),
                new Xattr("user.aaa", new byte[] {0, (byte) 0xff})));
        assertEquals("072b773faf51d55fd736b324a38bb61c854eaccd7d9b39ee76713bb693214104",
                content(meta, "xattr file\n").hex());
    }

    @Test
    void rootDirmetaAndEmptyDirtreeHaveTheKnownNames() {
        assertEquals("446a0ef11b7cc167f3b603e585c7eeeeb675faa412d5ec73f62988eb0b6c5488",
                Sha256.of(new DirMeta(0, 0, 040755, List.of()).encode()).hex());
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                Sha256.of(new DirTree(List.of(), List.of()).encode()).hex());
        assertEquals("84641b0a39d8c873690da8f32aea21cf5d6fff354f85e045f6f5ecdc8e7758d0",
                Sha256.of(new DirMeta(0, 0, 040700, List.of()).encode()).hex());
    }
}
