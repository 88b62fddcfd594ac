package io.fileintegrity.provider.aide.cli;

import io.fileintegrity.provider.aide.config.FileType;
import io.fileintegrity.provider.aide.config.Match;
import io.fileintegrity.provider.aide.config.SelectionMatcher;
import io.fileintegrity.provider.aide.scan.FileStat;
import io.fileintegrity.provider.aide.scan.NativeFiles;
import io.fileintegrity.provider.aide.scan.NativeIOException;
import io.fileintegrity.provider.aide.scan.Paths8;
import java.io.PrintStream;
import java.util.PriorityQueue;

/**
 * {@code --dry-init}: walks like AIDE's {@code scan_dir} (directories from a queue sorted by path,
 * entries in {@code readdir} order) and prints AIDE's match line for every entry, writing nothing.
 */
final class DryInitWalk {
    private final SelectionMatcher matcher;
    private final String rootPrefix;
    private final String limit;
    private final PrintStream out;
    private final LogOutput log;

    DryInitWalk(SelectionMatcher matcher, String rootPrefix, String limit, PrintStream out, LogOutput log) {
        this.matcher = matcher;
        this.rootPrefix = rootPrefix;
        this.limit = limit;
        this.out = out;
        this.log = log;
    }

    void run() {
        PriorityQueue<String> queue = new PriorityQueue<>();
        if (visit("/") ) {
            queue.add("/");
        }
        while (!queue.isEmpty()) {
            String dir = queue.poll();
            try {
                for (String child : NativeFiles.list(rootPrefix + dir)) {
                    String name = dir.equals("/") ? "/" + child : dir + "/" + child;
                    if (visit(name)) {
                        queue.add(name);
                    }
                }
            } catch (NativeIOException e) {
                log.warning("cannot read directory: " + e.getMessage());
            }
        }
    }

    /** Prints the entry's line; returns whether it is a directory to read. */
    private boolean visit(String name) {
        FileStat st;
        try {
            st = NativeFiles.lstat(rootPrefix + name);
        } catch (NativeIOException e) {
            log.warning("lstat failed: " + e.getMessage());
            return false;
        }
        FileType type = FileType.fromMode(st.mode()).orElse(FileType.REGULAR);
        String text = Paths8.toUnicode(name);
        Match m = matcher.match(text, type);
        out.println(m.describe(text, type, limit));
        return type == FileType.DIRECTORY && (name.equals("/") || m.descend());
    }
}
