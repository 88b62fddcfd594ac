package io.fileintegrity.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetParametersTest {

    @Test
    void nameValueItemsBecomeAMapKeepingEqualsSignsInValues() {
        assertEquals(Map.of("aide.hash.provider", "jdk", "x", "a=b", "empty", ""),
                LoopTarget.parameters(new String[] {"aide.hash.provider=jdk", "x=a=b", " empty ="}));
        assertEquals(Map.of(), LoopTarget.parameters(null));
    }

    @Test
    void anItemWithoutANameOrAnEqualsSignIsRefused() {
        for (String bad : new String[] {"jdk", "=jdk", " =x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LoopTarget.parameters(new String[] {bad}));
            assertTrue(e.getMessage().contains("NAME=VALUE"), e.getMessage());
        }
    }

    @Test
    void theLoopsOwnParameterNamesAreReserved() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TargetSettings("t", "",
                "aide", Path.of("/"), Path.of("/c"), "", Path.of("/s"), Duration.ofSeconds(60), Duration.ZERO, 5, 1,
                0, 0, false, Map.of("fio.maxBackups", "0")));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }
}
