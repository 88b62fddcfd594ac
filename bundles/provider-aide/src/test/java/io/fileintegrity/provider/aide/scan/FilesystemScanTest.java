package io.fileintegrity.provider.aide.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.AideOracle;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DatabaseColumns;
import io.fileintegrity.provider.aide.database.DatabaseWriter;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemScanTest {
    static final AttributeSet FIPSR = AttributeSet.of(Attribute.PERM, Attribute.INODE, Attribute.LCOUNT,
            Attribute.UID, Attribute.GID, Attribute.SIZE, Attribute.MTIME, Attribute.CTIME, Attribute.ACL,
            Attribute.SELINUX, Attribute.XATTRS, Attribute.SHA256, Attribute.SHA512);

    @TempDir
    Path work;

    @Test
    void databaseLinesAreByteIdenticalToAidesOnAGeneratedTree() throws IOException {
        Path tree = work.resolve("t");
        AideOracle.makeTree(tree, 300, 2, 11);
        Path conf = work.resolve("aide.conf");
        Files.writeString(conf, "database_out=file:" + work.resolve("aide.db") + "\ndatabase_attrs=E\n"
                + "FIPSR = p+i+n+u+g+s+m+c+acl+selinux+xattrs+sha256+sha512\n" + tree + "(/|$) FIPSR\n");
        AideOracle.Result r = AideOracle.aide("-c", conf.toString(), "--init");
        assertEquals(0, r.exit(), r.err());

        Path ours = work.resolve("ours.db");
        ScanCounters counters = new ScanCounters();
        try (FilesystemScan scan = new FilesystemScan(ScanSettings.defaults(),
                        new PrefixSelector(tree.toString(), FIPSR), Cancellation.NEVER, counters, new IoThrottle(0));
                DatabaseWriter w = DatabaseWriter.toFile(ours, DatabaseColumns.forRules(FIPSR), false, List.of())) {
            w.writeHeader(List.of());
            for (DbEntry e; (e = scan.next()) != null; ) {
                w.write(e);
            }
            w.commit();
        }
        assertEquals(entryLines(work.resolve("aide.db")), entryLines(ours));
        assertTrue(counters.entries() > 300);
    }

    private static String entryLines(Path db) throws IOException {
        return Files.readAllLines(db, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n"));
    }
}
