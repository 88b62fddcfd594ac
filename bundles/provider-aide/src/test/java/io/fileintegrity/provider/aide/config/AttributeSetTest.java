package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeSetTest {

    @Test
    void directoryEntryMaskFromAideDatabaseDecodesToItsAttributes() {
        // attr field AIDE 0.18 wrote for a directory under p+i+n+u+g+s+m+c+acl+selinux+xattrs+sha256+sha512
        AttributeSet set = AttributeSet.fromBits(8592034749L);
        assertEquals(List.of(Attribute.NAME, Attribute.PERM, Attribute.UID, Attribute.GID, Attribute.SIZE,
                Attribute.CTIME, Attribute.MTIME, Attribute.INODE, Attribute.LCOUNT, Attribute.ACL,
                Attribute.XATTRS), set.toList());
        assertEquals(8592034749L, set.bits());
    }

    @Test
    void iterationFollowsAideBitOrderNotInsertionOrder() {
        AttributeSet set = AttributeSet.of(Attribute.SHA512, Attribute.PERM, Attribute.MD5, Attribute.LNAME);
        assertEquals(List.of(Attribute.LNAME, Attribute.PERM, Attribute.MD5, Attribute.SHA512), set.toList());
        assertEquals("l+p+md5+sha512", set.toConfigExpression());
    }

    @Test
    void unionMinusAndContainsBehaveAsSetAlgebra() {
        AttributeSet a = AttributeSet.of(Attribute.PERM, Attribute.UID);
        AttributeSet b = AttributeSet.of(Attribute.UID, Attribute.GID);
        assertEquals(AttributeSet.of(Attribute.PERM, Attribute.UID, Attribute.GID), a.union(b));
        assertEquals(AttributeSet.of(Attribute.PERM), a.minus(b));
        assertTrue(a.contains(Attribute.UID));
        assertFalse(a.contains(Attribute.GID));
        assertTrue(a.union(b).containsAll(a));
        assertEquals("E", AttributeSet.EMPTY.toConfigExpression());
    }

    @Test
    void nonApprovedHashesAreSeparatedFromApprovedOnes() {
        AttributeSet set = AttributeSet.of(Attribute.MD5, Attribute.SHA256, Attribute.WHIRLPOOL, Attribute.PERM);
        assertEquals(AttributeSet.of(Attribute.MD5, Attribute.WHIRLPOOL), set.nonApprovedHashes());
        assertEquals(AttributeSet.of(Attribute.MD5, Attribute.SHA256, Attribute.WHIRLPOOL), set.hashes());
    }

    @Test
    void maskWithUnknownBitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AttributeSet.fromBits(1L << 60));
    }

    @Test
    void attributeNamesMatchAideTables() {
        assertEquals(Attribute.CAPS, Attribute.fromDbName("capabilities").orElseThrow());
        assertEquals(Attribute.CAPS, Attribute.fromConfigName("caps").orElseThrow());
        assertEquals(Attribute.LCOUNT, Attribute.fromConfigName("n").orElseThrow());
        assertEquals(35, Attribute.FTYPE.bit());
        assertEquals(41, Attribute.COMPRESSED.bit());
        assertTrue(Attribute.fromDbName("ftype").isEmpty());
        assertEquals("SHA-512", Attribute.SHA512.jcaAlgorithm().orElseThrow());
        assertTrue(Attribute.MD5.jcaAlgorithm().isEmpty());
        assertFalse(Attribute.SHA1.isFipsApprovedHash());
        assertEquals(64, Attribute.WHIRLPOOL.digestLength());
    }
}
