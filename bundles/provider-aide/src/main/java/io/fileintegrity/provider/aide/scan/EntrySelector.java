package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.provider.aide.config.AttributeSet;

/** Decides, from the rules, whether an entry goes into the database and whether to read a directory. */
@FunctionalInterface
public interface EntrySelector {

    /**
     * @param name the path with the root prefix removed, e.g. {@code /etc/passwd}
     * @param mode the entry's {@code st_mode} (the type bits matter)
     */
    Decision decide(String name, int mode);

    /**
     * @param attrs the attributes to collect, or null when the entry is not added
     * @param descend whether a directory's entries are read
     */
    record Decision(AttributeSet attrs, boolean descend) {
        public static final Decision SKIP = new Decision(null, false);
    }
}
