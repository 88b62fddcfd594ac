package io.fileintegrity.provider.aide.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.provider.aide.compare.AttributeComparison;
import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.config.ReportSettings;
import io.fileintegrity.provider.aide.database.AclValue;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of research notes section 6.3, checked against aide 0.18.3 there. */
class SummaryStringTest {
    static final AttributeSet FIPSR = AttributeSet.of(Attribute.PERM, Attribute.INODE, Attribute.LCOUNT,
            Attribute.UID, Attribute.GID, Attribute.SIZE, Attribute.MTIME, Attribute.CTIME, Attribute.ACL,
            Attribute.XATTRS, Attribute.SHA256, Attribute.NAME);

    static DbEntry file() {
        return new DbEntry("/srv/f").attrs(FIPSR).perm(0100644).size(10).mtime(1).ctime(1).inode(5).lcount(1)
                .hash(Attribute.SHA256, new byte[32]).acl(new AclValue("user::rw-\ngroup::r--\nother::r--\n", null));
    }

    static Difference diff(DbEntry old, DbEntry now) {
        return new Difference(old, now, AttributeComparison.changed(old, now));
    }

    @Test
    void grownFileWithNewContent() {
        byte[] h = new byte[32];
        h[0] = 1;
        Difference d = diff(file(), file().size(18).mtime(2).ctime(2).hash(Attribute.SHA256, h));
        assertEquals("f > ... mc..H..   ", SummaryString.of(d, ReportSettings.DEFAULTS));
    }

    @Test
    void chmodChangesPermAndTheMinimalAcl() {
        DbEntry now = file().perm(0100600).ctime(2).acl(new AclValue("user::rw-\ngroup::---\nother::---\n", null));
        assertEquals("f = p.. .c...A.   ", SummaryString.of(diff(file(), now), ReportSettings.DEFAULTS));
    }

    @Test
    void addedAndRemovedEntriesArePlusesAndMinuses() {
        assertEquals("f+++++++++++++++++", SummaryString.of(new Difference(null, file(), AttributeSet.EMPTY),
                ReportSettings.DEFAULTS));
        assertEquals("f-----------------", SummaryString.of(new Difference(file(), null, AttributeSet.EMPTY),
                ReportSettings.DEFAULTS));
    }

    @Test
    void ignoredChangedAttributesShowAColonAndAreNotCounted() throws Exception {
        ReportSettings s = ReportSettings.DEFAULTS;
        ReportSettings ignoreCtime = new ReportSettings(s.level(), s.format(), s.detailedInit(), s.base16(), s.quiet(),
                s.append(), s.summarizeChanges(), s.grouped(), s.ignoreAddedAttrs(), s.ignoreRemovedAttrs(),
                AttributeSet.of(Attribute.CTIME), s.forceAttrs(), s.ignoreE2fsattrs());
        Difference d = diff(file(), file().ctime(2));
        assertEquals("f = ... .:.....   ", SummaryString.of(d, ignoreCtime));
        RunFacts facts = new RunFacts(RunKind.CHECK, 0, 0, 1, DifferenceSource.of(List.of(d)), null, null, null, "", List.of());
        assertEquals(0, ReportSelection.of(facts, ignoreCtime).changed());
        assertEquals(1, ReportSelection.of(facts, s).changed());
    }

    @Test
    void detailLinesWrapAt32CharactersPerColumn() {
        byte[] h = new byte[32];
        h[0] = 1;
        Difference d = diff(file(), file().ctime(2).hash(Attribute.SHA256, h));
        RunFacts facts = new RunFacts(RunKind.CHECK, 0, 0, 1, DifferenceSource.of(List.of(d)), null, null, null, "", List.of());
        String report = PlainReportRenderer.render(facts, ReportSettings.DEFAULTS, "0.18.3");
        assertTrue(report.contains(" SHA256    : AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
                + " ".repeat(13) + "AAAAAAAAAAA=" + " ".repeat(21) + "| AAAAAAAAAAA=\n"), report);
        assertTrue(report.contains("\nSummary:\n  Total number of entries:\t1\n  Added entries:\t\t0\n"
                + "  Removed entries:\t\t0\n  Changed entries:\t\t1"), report);
    }
}
