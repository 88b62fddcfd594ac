package io.fileintegrity.provider.aide.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compound groups every configuration starts with (AIDE's {@code setdefaults_before_config}), for {@code --version}. */
public final class DefaultGroups {
    private static final List<String> COMPOUND = List.of("R", "L", ">", "H", "X");

    private DefaultGroups() {}

    /** {@code R}, {@code L}, {@code >}, {@code H}, {@code X} and their attributes, in AIDE's order. */
    public static Map<String, AttributeSet> compound() {
        GroupTable table = new GroupTable();
        Map<String, AttributeSet> result = new LinkedHashMap<>();
        for (String name : COMPOUND) {
            result.put(name, table.get(name));
        }
        return result;
    }
}
