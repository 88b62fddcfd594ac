package io.fileintegrity.provider.aide.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code growing}'s second read: hashes of a grown file are compared over its old length. */
class GrowingComparisonTest {
    private static final AttributeSet RULE = AttributeComparisonTest.RULE.plus(Attribute.GROWING);
    private final FakeContent disk = new FakeContent();

    private static DbEntry entry(long size, int digest) {
        return new DbEntry("/log").attrs(RULE).perm(0100644).size(size).mtime(100 + size).ctime(100 + size)
                .hash(Attribute.SHA256, FakeContent.digest(digest));
    }

    @Test
    void anAppendedFileIsUnchangedWhenItsOldLengthHasTheOldDigests() {
        disk.prefixes.put("/log", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        assertEquals(AttributeSet.EMPTY, AttributeComparison.changed(entry(10, 1), entry(20, 2), disk));
        assertEquals(List.of("prefix /log 10"), disk.asked);
    }

    @Test
    void aRewrittenFileKeepsItsHashChangesAndShowsNoGrowth() {
        disk.prefixes.put("/log", Map.of(Attribute.SHA256, FakeContent.digest(3)));
        assertEquals(AttributeSet.of(Attribute.SHA256), AttributeComparison.changed(entry(10, 1), entry(20, 2), disk));
    }

    @Test
    void aFileThatCannotBeReadAgainKeepsItsHashChanges() {
        assertEquals(AttributeSet.of(Attribute.SHA256), AttributeComparison.changed(entry(10, 1), entry(20, 2), disk));
    }

    @Test
    void aFormerlyEmptyFileMayGrowIntoAnythingWithoutARead() {
        assertEquals(AttributeSet.EMPTY, AttributeComparison.changed(entry(0, 1), entry(20, 2), disk));
        assertTrue(disk.asked.isEmpty());
    }

    @Test
    void aTruncatedOrRewrittenSameSizeFileIsNotReadAgain() {
        assertEquals(AttributeSet.of(Attribute.SIZE, Attribute.SHA256),
                AttributeComparison.changed(entry(20, 1), entry(10, 2).mtime(130).ctime(130), disk));
        assertEquals(AttributeSet.of(Attribute.SHA256), AttributeComparison.changed(entry(20, 1), entry(20, 2), disk));
        assertTrue(disk.asked.isEmpty());
    }

    @Test
    void aDatabaseCompareReadsNothingAndKeepsTheChange() {
        assertEquals(AttributeSet.of(Attribute.SHA256),
                AttributeComparison.changed(entry(10, 1), entry(20, 2), FileContent.NONE));
        assertEquals(AttributeSet.of(Attribute.SHA256),
                AttributeComparison.changed(entry(0, 1), entry(20, 2), FileContent.NONE));
    }

    @Test
    void withoutGrowingOnTheOldEntryGrowthIsAChange() {
        disk.prefixes.put("/log", Map.of(Attribute.SHA256, FakeContent.digest(1)));
        DbEntry old = entry(10, 1).attrs(AttributeComparisonTest.RULE);
        assertEquals(AttributeSet.of(Attribute.SIZE, Attribute.MTIME, Attribute.CTIME, Attribute.SHA256),
                AttributeComparison.changed(old, entry(20, 2), disk));
    }

    @Test
    void sizeGrowingAloneFlagsOnlyShrinking() {
        AttributeSet rule = AttributeSet.of(Attribute.PERM, Attribute.SIZEG);
        DbEntry old = new DbEntry("/f").attrs(rule).perm(0100644).size(10);
        assertEquals(AttributeSet.EMPTY, AttributeComparison.changed(old, new DbEntry("/f").attrs(rule).perm(0100644)
                .size(11)));
        assertEquals(AttributeSet.of(Attribute.SIZEG), AttributeComparison.changed(old,
                new DbEntry("/f").attrs(rule).perm(0100644).size(9)));
    }

    @Test
    void ignoredAttributesAndHashesCanBeLeftOut() {
        DbEntry old = entry(10, 1).attrs(AttributeComparisonTest.RULE);
        assertEquals(AttributeSet.of(Attribute.MTIME), AttributeComparison.changed(old, entry(20, 2),
                AttributeSet.of(Attribute.SIZE, Attribute.CTIME), false, disk));
    }
}
