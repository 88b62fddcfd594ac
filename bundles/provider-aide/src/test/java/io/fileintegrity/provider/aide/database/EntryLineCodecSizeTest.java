package io.fileintegrity.provider.aide.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size column as AIDE 0.18's {@code strip_dbline} leaves it for {@code S} and {@code growing}. */
class EntryLineCodecSizeTest {
    private final EntryLineCodec codec = new EntryLineCodec(List.of(Attribute.NAME, Attribute.SIZE));

    private String size(Attribute... attrs) {
        DbEntry e = new DbEntry("/f").attrs(AttributeSet.of(attrs)).size(1234);
        return codec.encode(e).split(" ")[1];
    }

    @Test
    void theSizeIsKeptForSizeAndGrowingSizeAndGrowingWithHashes() {
        assertEquals("1234", size(Attribute.SIZE));
        assertEquals("1234", size(Attribute.SIZEG));
        assertEquals("1234", size(Attribute.GROWING, Attribute.SHA256));
    }

    @Test
    void growingWithoutHashesOrNoSizeAttributeWritesZero() {
        assertEquals("0", size(Attribute.GROWING));
        assertEquals("0", size(Attribute.PERM, Attribute.SHA256));
    }
}
