package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.compare.Difference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Applies a post-processing that needs whole directories at once (AIDE's moved entries: renames with
 * {@code I}, rotations with {@code compressed}) to a {@link DifferenceStore} without reading all of it
 * into memory: only the differences of the directories that hold a candidate are loaded, resolved and
 * put back in their place; every other difference is copied as it is.
 */
final class DirectoryRewrite {
    private DirectoryRewrite() {}

    /**
     * @param candidate whether a difference can take part (its directory is then resolved)
     * @param resolve the differences of those directories, in order, to their outcome: the same order,
     *     each result carrying the name of the difference it replaces (a difference may be dropped)
     * @return the store itself when nothing is a candidate, else a new store (the old one is closed)
     */
    static DifferenceStore apply(DifferenceStore store, Predicate<Difference> candidate,
            UnaryOperator<List<Difference>> resolve, DifferenceStore target) throws IOException {
        Set<String> directories = new HashSet<>();
        store.forEach(d -> {
            if (candidate.test(d)) {
                directories.add(parent(d.name()));
            }
        });
        if (directories.isEmpty()) {
            target.close();
            return store;
        }
        List<Difference> group = new ArrayList<>();
        store.forEach(d -> {
            if (directories.contains(parent(d.name()))) {
                group.add(d);
            }
        });
        Iterator<Difference> resolved = resolve.apply(group).iterator();
        Difference[] next = {resolved.hasNext() ? resolved.next() : null};
        store.forEach(d -> {
            if (!directories.contains(parent(d.name()))) {
                target.add(d);
                return;
            }
            while (next[0] != null && next[0].name().equals(d.name())) {
                target.add(next[0]);
                next[0] = resolved.hasNext() ? resolved.next() : null;
            }
        });
        if (next[0] != null) {
            target.close();
            throw new IllegalStateException("resolved difference '" + next[0].name() + "' is out of order");
        }
        store.close();
        return target;
    }

    /** The directory of a database name ({@code /a/b} → {@code /a}, {@code /a} → {@code /}). */
    static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return slash <= 0 ? "/" : name.substring(0, slash);
    }
}
