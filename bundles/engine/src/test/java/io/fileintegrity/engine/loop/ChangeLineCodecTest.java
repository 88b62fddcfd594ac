package io.fileintegrity.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeKind;
import io.fileintegrity.api.FileChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeLineCodecTest {

    @Test
    void oddFileNamesRoundTrip() {
        FileChange change = new FileChange("/etc/a\tb\nc%41 d", ChangeKind.CHANGED,
                List.of(new AttributeChange("sha512", "old%", "new\r")), "etc-modified");
        String line = ChangeLineCodec.encode(change);
        assertEquals(-1, line.indexOf('\n'));
        assertEquals(change, ChangeLineCodec.decode(line));
    }
}
