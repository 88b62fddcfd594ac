package io.fileintegrity.provider.aide.scan;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.FileTypes;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Walks a tree with {@code lstat} in AIDE's database order (pre-order, siblings by byte order); regular
 * files (by {@code d_type}) are not stat'ed here when the hashing thread opens them anyway. It
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
    private static final Comparator<NativeFiles.DirEntry> BY_NAME = Comparator.comparing(NativeFiles.DirEntry::name);
    /** Attributes that make the hashing thread open a regular file anyway. */
    static final AttributeSet CONTENT = AttributeSet.ALL_HASHES.plus(Attribute.E2FSATTRS);
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
        List<NativeFiles.DirEntry> children;
        try {
            children = NativeFiles.listTyped(disk);
        } catch (NativeIOException e) {
            counters.skipped(e.vanished() ? "vanished" : e.permissionDenied() ? "permission" : "read-error",
                    "cannot read directory: " + e.getMessage());
            return;
        }
        children.sort(BY_NAME);
        String diskBase = disk.endsWith("/") ? disk : disk + "/";
        String nameBase = name.endsWith("/") ? name : name + "/";
        for (NativeFiles.DirEntry child : children) {
            String childDisk = diskBase + child.name();
            String childName = nameBase + child.name();
            if (child.type() == NativeFiles.DT_REG && visitUnread(visitor, childDisk, childName)) {
                continue;
            }
            FileStat st;
            try {
                st = NativeFiles.lstat(childDisk);
            } catch (NativeIOException e) {
                counters.skipped(e.vanished() ? "vanished" : "permission", "lstat failed: " + e.getMessage());
                continue;
            }
            visit(visitor, childDisk, childName, st);
        }
    }

    /**
     * A regular file (by {@code d_type}) whose rule reads its content is handed on without an
     * {@code lstat}: the hashing thread opens it and uses {@code fstat}. A regular file no rule selects
     * needs no {@code lstat} either. Returns false when the walker must stat the entry itself.
     */
    private boolean visitUnread(Visitor visitor, String disk, String name) throws InterruptedException {
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("scan cancelled");
        }
        EntrySelector.Decision d = selector.decide(name, FileStat.UNREAD_REGULAR.mode());
        if (d.attrs() == null) {
            return true;
        }
        if (!d.attrs().intersects(CONTENT)) {
            return false;
        }
        visitor.entry(disk, name, FileStat.UNREAD_REGULAR, d.attrs());
        return true;
    }
}
