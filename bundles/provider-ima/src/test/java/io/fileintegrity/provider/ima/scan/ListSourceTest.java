package io.fileintegrity.provider.ima.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListSourceTest {

    @Test
    void perBankListsUseTheBanksTemplateHashWidth() {
        ListSource sha256 = ListSource.of(Path.of("/x/binary_runtime_measurements_sha256"), Optional.empty());
        assertTrue(sha256.binary());
        assertEquals(32, sha256.templateHashSize());
        ListSource legacy = ListSource.of(Path.of("/x/binary_runtime_measurements"), Optional.empty());
        assertEquals(20, legacy.templateHashSize());
        assertFalse(ListSource.of(Path.of("/x/ascii_runtime_measurements_sha1"), Optional.empty()).binary());
        assertTrue(ListSource.of(Path.of("/x/capture.bin"), Optional.of(true)).binary());
    }

    @Test
    void findPrefersTheBinaryListAndFallsBackToTheTextList(@TempDir Path host) throws Exception {
        assertTrue(ListSource.find(host).isEmpty());
        Path ima = Files.createDirectories(host.resolve("sys/kernel/security/integrity/ima"));
        Files.writeString(ima.resolve("ascii_runtime_measurements"), "");
        assertFalse(ListSource.find(host).orElseThrow().binary());
        Files.write(ima.resolve("binary_runtime_measurements"), new byte[0]);
        assertEquals(ima.resolve("binary_runtime_measurements"), ListSource.find(host).orElseThrow().file());
    }
}
