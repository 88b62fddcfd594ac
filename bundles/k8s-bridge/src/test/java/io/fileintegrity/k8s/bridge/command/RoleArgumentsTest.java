package io.fileintegrity.k8s.bridge.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleArgumentsTest {

    private static final Map<String, RoleArguments.Type> TYPES = Map.of("name", RoleArguments.Type.STRING,
            "interval", RoleArguments.Type.LONG, "maxBackups", RoleArguments.Type.INT,
            "debug", RoleArguments.Type.BOOLEAN, "agentCommand", RoleArguments.Type.STRINGS);

    @Test
    void daemonSetArgumentsBecomeTypedProperties() {
        Hashtable<String, Object> p = RoleArguments.parse(
                List.of("--name=fi", "--interval=20", "--maxBackups", "3", "--debug=false", "--agentCommand=/bin/fio,agent"), TYPES);
        assertEquals("fi", p.get("name"));
        assertEquals(20L, p.get("interval"));
        assertEquals(3, p.get("maxBackups"));
        assertEquals(false, p.get("debug"));
        assertArrayEquals(new String[] {"/bin/fio", "agent"}, (String[]) p.get("agentCommand"));
    }

    @Test
    void bareBooleanOptionMeansTrue() {
        assertEquals(true, RoleArguments.parse(List.of("--debug"), TYPES).get("debug"));
    }

    @Test
    void badInputNamesTheArgument() {
        assertEquals("unknown option '--bogus'",
                assertThrows(IllegalArgumentException.class, () -> RoleArguments.parse(List.of("--bogus=1"), TYPES)).getMessage());
        assertEquals("option '--interval' needs a whole number, not 'ten'",
                assertThrows(IllegalArgumentException.class, () -> RoleArguments.parse(List.of("--interval=ten"), TYPES)).getMessage());
        assertEquals("option '--name' needs a value",
                assertThrows(IllegalArgumentException.class, () -> RoleArguments.parse(List.of("--name"), TYPES)).getMessage());
        assertEquals("unexpected argument 'fi'",
                assertThrows(IllegalArgumentException.class, () -> RoleArguments.parse(List.of("fi"), TYPES)).getMessage());
    }
}
