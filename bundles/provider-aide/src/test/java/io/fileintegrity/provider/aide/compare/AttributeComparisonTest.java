package io.fileintegrity.provider.aide.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.database.Xattr;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeComparisonTest {
    static final AttributeSet RULE = AttributeSet.of(Attribute.PERM, Attribute.UID, Attribute.SIZE, Attribute.MTIME,
            Attribute.CTIME, Attribute.SHA256, Attribute.XATTRS, Attribute.FTYPE);

    static DbEntry entry() {
        return new DbEntry("/f").attrs(RULE).perm(0100644).uid(0).size(10).mtime(100).ctime(100)
                .hash(Attribute.SHA256, new byte[32]);
    }

    @Test
    void equalEntriesHaveNoChanges() {
        assertEquals(AttributeSet.EMPTY, AttributeComparison.changed(entry(), entry()));
    }

    @Test
    void ownerOnlyChangeIsJustUid() {
        assertEquals(AttributeSet.of(Attribute.UID), AttributeComparison.changed(entry(), entry().uid(1234)));
    }

    @Test
    void typeChangeFlipsFtypeAndPerm() {
        assertEquals(AttributeSet.of(Attribute.FTYPE, Attribute.PERM),
                AttributeComparison.changed(entry(), entry().perm(040755)));
    }

    @Test
    void attributesMissingOnOneSideAreNotCompared() {
        DbEntry noHash = entry().attrs(RULE.minus(Attribute.SHA256)).hash(Attribute.SHA256, null);
        assertEquals(AttributeSet.EMPTY, AttributeComparison.changed(entry(), noHash));
    }

    @Test
    void aDigestDifferingAfterAZeroByteIsStillAChange() {
        byte[] other = new byte[32];
        other[31] = 1;
        assertEquals(AttributeSet.of(Attribute.SHA256),
                AttributeComparison.changed(entry(), entry().hash(Attribute.SHA256, other)));
    }

    @Test
    void xattrsCompareAsSortedLists() {
        Xattr a = new Xattr("user.a", new byte[] {1});
        Xattr b = new Xattr("user.b", new byte[] {2});
        assertEquals(AttributeSet.EMPTY,
                AttributeComparison.changed(entry().xattrs(List.of(a, b)), entry().xattrs(List.of(b, a))));
        assertEquals(AttributeSet.of(Attribute.XATTRS),
                AttributeComparison.changed(entry().xattrs(List.of(a)), entry().xattrs(List.of(a, b))));
    }

    @Test
    void growingIgnoresGrowthButNotShrinking() {
        DbEntry old = entry().attrs(RULE.plus(Attribute.GROWING));
        assertEquals(AttributeSet.EMPTY, AttributeComparison.changed(old, entry().size(20).mtime(200).ctime(200)
                .attrs(RULE.plus(Attribute.GROWING))).minus(Attribute.SHA256));
        assertEquals(AttributeSet.of(Attribute.SIZE), AttributeComparison.changed(old,
                entry().size(5).attrs(RULE.plus(Attribute.GROWING))));
    }
}
