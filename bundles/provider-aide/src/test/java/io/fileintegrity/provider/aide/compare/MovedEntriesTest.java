package io.fileintegrity.provider.aide.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovedEntriesTest {
    private static final AttributeSet FULL = AttributeSet.of(Attribute.PERM, Attribute.UID, Attribute.SIZE,
            Attribute.MTIME, Attribute.CTIME, Attribute.INODE, Attribute.SHA256);
    private final FakeContent disk = new FakeContent();

    private static DbEntry file(String name, long inode, int digest, Attribute... special) {
        return new DbEntry(name).attrs(FULL.union(AttributeSet.of(special))).perm(0100644).size(100).mtime(50)
                .ctime(60).inode(inode).hash(Attribute.SHA256, FakeContent.digest(digest));
    }

    private static Difference added(DbEntry e) {
        return new Difference(null, e, AttributeSet.EMPTY);
    }

    private static Difference removed(DbEntry e) {
        return new Difference(e, null, AttributeSet.EMPTY);
    }

    private static Difference changed(DbEntry old, DbEntry now) {
        return new Difference(old, now, AttributeComparison.changed(old, now));
    }

    private List<String> resolve(Difference... differences) {
        return new MovedEntries(disk).resolve(List.of(differences)).stream()
                .map(d -> (d.isAdded() ? "added " : d.isRemoved() ? "removed " : "changed ") + d.name()).toList();
    }

    @Test
    void aRenameWithinADirectoryIsNeitherAddedNorRemoved() {
        assertEquals(List.of(), resolve(removed(file("/d/a", 7, 1, Attribute.CHECKINODE)),
                added(file("/d/b", 7, 1).ctime(99))));
    }

    @Test
    void aRenameIntoAnotherDirectoryOrWithNewContentOrWithoutIIsReported() {
        assertEquals(List.of("removed /d/a", "added /e/a"), resolve(removed(file("/d/a", 7, 1, Attribute.CHECKINODE)),
                added(file("/e/a", 7, 1))));
        assertEquals(List.of("removed /d/a", "added /d/b"), resolve(removed(file("/d/a", 7, 1, Attribute.CHECKINODE)),
                added(file("/d/b", 7, 2))));
        assertEquals(List.of("removed /d/a", "added /d/b"), resolve(removed(file("/d/a", 7, 1)),
                added(file("/d/b", 7, 1))));
        assertEquals(List.of("removed /d/a", "added /d/b"), resolve(removed(file("/d/a", 7, 1, Attribute.CHECKINODE)),
                added(file("/d/b", 7, 1).attrs(FULL.minus(Attribute.UID)))));
    }

    @Test
    void aFileRenamedOverAnotherReportsTheOverwrittenOneAsRemoved() {
        DbEntry victim = file("/d/c", 9, 3);
        assertEquals(List.of("removed /d/c"), resolve(removed(file("/d/b", 7, 1, Attribute.CHECKINODE)),
                changed(victim, file("/d/c", 7, 1))));
        assertEquals(List.of(), resolve(removed(file("/d/b", 7, 1, Attribute.CHECKINODE)),
                changed(file("/d/c", 9, 3, Attribute.ALLOWRMFILE), file("/d/c", 7, 1))));
    }

    @Test
    void aSourceThatIsStillThereReportsItsNewSideAsAddedUnlessAnf() {
        DbEntry log = file("/d/log", 7, 1, Attribute.CHECKINODE);
        assertEquals(List.of("added /d/log"), resolve(changed(log, file("/d/log", 8, 0)),
                changed(file("/d/log.1", 5, 4), file("/d/log.1", 7, 1))).subList(0, 1));
        assertEquals(List.of("removed /d/log.1"), resolve(changed(log, file("/d/log", 8, 0, Attribute.ALLOWNEWFILE)),
                changed(file("/d/log.1", 5, 4), file("/d/log.1", 7, 1))));
    }

    @Test
    void aGzipWhoseContentHasAnOldEntrysDigestsIsARotation() {
        disk.uncompressed.put("/d/log.1.gz", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        assertEquals(List.of(), resolve(removed(file("/d/log.1", 7, 1)),
                added(file("/d/log.1.gz", 8, 5, Attribute.COMPRESSED).size(40).ctime(99))));
        assertEquals(List.of("gunzip /d/log.1.gz " + Long.MAX_VALUE + " 100"), disk.asked);
    }

    @Test
    void aRotationNeedsTheSameMetadataAndADirectoryAndAFileSystemRead() {
        disk.uncompressed.put("/d/log.1.gz", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        disk.uncompressed.put("/e/log.1.gz", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        assertEquals(2, resolve(removed(file("/d/log.1", 7, 1)),
                added(file("/d/log.1.gz", 8, 5, Attribute.COMPRESSED).mtime(51))).size());
        assertEquals(2, resolve(removed(file("/d/log.1", 7, 1)),
                added(file("/e/log.1.gz", 8, 5, Attribute.COMPRESSED))).size());
        Difference[] rotation = {removed(file("/d/log.1", 7, 1)), added(file("/d/log.1.gz", 8, 5, Attribute.COMPRESSED))};
        assertEquals(2, new MovedEntries(FileContent.NONE).resolve(List.of(rotation)).size());
    }

    @Test
    void anOldEntryIsTheSourceOfOneRotationOnly() {
        disk.uncompressed.put("/d/log.1.gz", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        disk.uncompressed.put("/d/log.1.gz.copy", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        assertEquals(List.of("added /d/log.1.gz.copy"), resolve(removed(file("/d/log.1", 7, 1)),
                added(file("/d/log.1.gz", 8, 5, Attribute.COMPRESSED)),
                added(file("/d/log.1.gz.copy", 9, 5, Attribute.COMPRESSED))));
    }

    @Test
    void aGrowingGzipHashesOnlyItsOwnSizeOfTheContentAsAideDoes() {
        resolve(removed(file("/d/x", 7, 1).size(5000)),
                added(file("/d/x.gz", 8, 5, Attribute.COMPRESSED, Attribute.GROWING).size(40)));
        assertEquals(List.of("gunzip /d/x.gz 40 5000"), disk.asked);
    }

    @Test
    void withoutKnownSizesTheUncompressedLengthIsBoundedByAFixedLimit() {
        resolve(removed(file("/d/x", 7, 1).attrs(FULL.minus(Attribute.SIZE))),
                added(file("/d/x.gz", 8, 5, Attribute.COMPRESSED).attrs(FULL.minus(Attribute.SIZE)
                        .plus(Attribute.COMPRESSED))));
        assertEquals(List.of("gunzip /d/x.gz " + Long.MAX_VALUE + " " + MoveCandidates.UNKNOWN_SIZE_LIMIT), disk.asked);
    }

    @Test
    void differencesWithoutSpecialAttributesAreReturnedAsTheyAre() {
        List<Difference> in = List.of(removed(file("/d/a", 7, 1)), added(file("/d/b", 7, 1)));
        assertSame(in, new MovedEntries(disk).resolve(in));
        assertTrue(disk.asked.isEmpty());
    }

    @Test
    void theRootHasNoDirectory() {
        assertEquals(null, MovedEntries.parent("/"));
        assertEquals("/", MovedEntries.parent("/etc"));
        assertEquals("/etc", MovedEntries.parent("/etc/passwd"));
    }
}
