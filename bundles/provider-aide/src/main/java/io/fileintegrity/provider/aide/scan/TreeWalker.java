package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Walks a tree with {@code lstat} in AIDE's database order (pre-order, siblings by byte order). It
 * never follows symlinks, never opens anything but directories here, does not descend into a
 * directory that is one of its own ancestors (bind-mount loops), and reports entries that vanish or
 * cannot be listed, then goes on. Not thread-safe; one walk per instance.
 */
final class TreeWalker {
    /** Receives each selected entry, in order. */
    interface Visitor {
        void entry(String diskPath, String name, FileStat stat, AttributeSet attrs) throws InterruptedException;
    }

    private final String rootPrefix;
    private final EntrySelector selector;
    private final Cancellation cancellation;
    private final ScanCounters counters;
    private final Deque<long[]> ancestors = new ArrayDeque<>();

    TreeWalker(String rootPrefix, EntrySelector selector, Cancellation cancellation, ScanCounters counters) {
        this.rootPrefix = rootPrefix;
        this.selector = selector;
        this.cancellation = cancellation;
        this.counters = counters;
    }

    void walk(Visitor visitor) throws InterruptedException {
        String disk = rootPrefix + "/";
        FileStat root;
        try {
            root = NativeFiles.lstat(disk);
        } catch (NativeIOException e) {
            counters.skipped(e.vanished() ? "vanished" : "permission", "cannot scan the root: " + e.getMessage());
            return;
        }
        visit(visitor, disk, "/", root);
    }

    private void visit(Visitor visitor, String disk, String name, FileStat st) throws InterruptedException {
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("scan cancelled");
        }
        EntrySelector.Decision d = selector.decide(name, st.mode());
        if (d.attrs() != null) {
            visitor.entry(disk, name, st, d.attrs());
        }
        if (d.descend() && FileTypes.isDirectory(st.mode()) && !isLoop(disk, st)) {
            ancestors.push(new long[] {st.dev(), st.ino()});
            try {
                descend(visitor, disk, name);
            } finally {
                ancestors.pop();
            }
        }
    }

    private boolean isLoop(String disk, FileStat st) {
        for (long[] a : ancestors) {
            if (a[0] == st.dev() && a[1] == st.ino()) {
                counters.skipped("loop", Paths8.display(disk) + ": directory is its own ancestor; not descending");
                return true;
            }
        }
        return false;
    }

    private void descend(Visitor visitor, String disk, String name) throws InterruptedException {
        List<String> children;
        try {
            children = NativeFiles.list(disk);
        } catch (NativeIOException e) {
            counters.skipped(e.vanished() ? "vanished" : e.permissionDenied() ? "permission" : "read-error",
                    "cannot read directory: " + e.getMessage());
            return;
        }
        Collections.sort(children);
        String diskBase = disk.endsWith("/") ? disk : disk + "/";
        String nameBase = name.endsWith("/") ? name : name + "/";
        for (String child : children) {
            String childDisk = diskBase + child;
            FileStat st;
            try {
                st = NativeFiles.lstat(childDisk);
            } catch (NativeIOException e) {
                counters.skipped(e.vanished() ? "vanished" : "permission", "lstat failed: " + e.getMessage());
                continue;
            }
            visit(visitor, childDisk, nameBase + child, st);
        }
    }
}
