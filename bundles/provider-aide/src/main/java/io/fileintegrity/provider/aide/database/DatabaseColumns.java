package io.fileintegrity.provider.aide.database;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.util.ArrayList;
import java.util.List;

/** Which {@code @@db_spec} columns AIDE 0.18 writes for a configuration ({@code conf->db_out_attrs}). */
public final class DatabaseColumns {
    private static final AttributeSet ALWAYS =
            AttributeSet.of(Attribute.NAME, Attribute.PERM, Attribute.INODE, Attribute.ATTR);

    private DatabaseColumns() {}

    /**
     * The columns for the union of all rules' attributes: those with a column, plus name, perm,
     * inode and attr, plus size when a rule uses {@code growing} or {@code S}; in AIDE's bit order.
     */
    public static List<Attribute> forRules(AttributeSet union) {
        AttributeSet all = union.union(ALWAYS);
        if (all.contains(Attribute.GROWING) || all.contains(Attribute.SIZEG)) {
            all = all.plus(Attribute.SIZE);
        }
        List<Attribute> columns = new ArrayList<>();
        for (Attribute a : all) {
            if (a.dbName() != null) {
                columns.add(a);
            }
        }
        return columns;
    }
}
