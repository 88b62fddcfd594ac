package io.fileintegrity.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.BaselineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFactsTest {

    @TempDir
    Path dir;

    @Test
    void anUnchangedBaselineIsNotHashedAgainAndAChangedOneIs() throws Exception {
        Path db = dir.resolve("aide.db.gz");
        Files.writeString(db, "first");
        ScanResult result = ScanResult.builder("aide", ScanMode.CHECK).detail("baseline.path", db.toString()).build();
        Optional<BaselineInfo> first = BaselineFacts.of(result, Optional.empty());
        assertEquals(5, first.orElseThrow().sizeBytes());
        assertSame(first, BaselineFacts.of(result, first));
        Files.writeString(db, "second version");
        Optional<BaselineInfo> second = BaselineFacts.of(result, first);
        assertNotEquals(first.orElseThrow().sha256(), second.orElseThrow().sha256());
    }

    @Test
    void aResultWithoutABaselineHasNoFacts() {
        assertTrue(BaselineFacts.of(ScanResult.builder("ostree", ScanMode.CHECK).build(), Optional.empty()).isEmpty());
    }
}
