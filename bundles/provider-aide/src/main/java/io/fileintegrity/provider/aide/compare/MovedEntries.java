package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AIDE 0.18's moved entries ({@code add_file_to_tree} and {@code terse_report}): within one directory,
 * a new or changed entry whose gzip-decompressed content has the digests of an old entry
 * ({@code compressed} on the new entry: a log rotation) or whose inode is that of an old entry with
 * {@code I} (a rename) is "moved in", and that old entry "moved out", if their attribute sets agree
 * (apart from the special attributes) and nothing else changed (rotation: apart from ctime, size,
 * block count and inode, hashes not compared; rename: apart from ctime). A moved-in entry is not
 * added and a moved-out one not removed; an entry that exists on both sides and took part in a move
 * is reported as added (the new side, unless {@code ANF} or moved in) or else removed (the old side,
 * unless {@code ARF} or moved out), as AIDE does. An old entry is the source of one move at most.
 *
 * <p>Works on the differences of a merge only (unchanged entries are never candidates), so memory
 * follows the number of differences. Within a directory, entries are matched in name order and the
 * first candidate is taken, as in AIDE's sorted child lists.
 */
public final class MovedEntries {
    /** Bits AIDE ignores when it compares the attribute sets of a moved pair. */
    private static final AttributeSet SPECIAL = AttributeSet.of(Attribute.ALLOWNEWFILE, Attribute.ALLOWRMFILE,
            Attribute.CHECKINODE, Attribute.COMPRESSED, Attribute.GROWING);
    private static final AttributeSet ROTATION_IGNORES = AttributeSet.of(Attribute.CTIME, Attribute.SIZE,
            Attribute.BCOUNT, Attribute.INODE);
    private static final AttributeSet RENAME_IGNORES = AttributeSet.of(Attribute.CTIME);

    private final FileContent content;

    public MovedEntries(FileContent content) {
        this.content = content;
    }

    /** The differences as AIDE counts and lists them once moved entries are matched, in the same order. */
    public List<Difference> resolve(List<Difference> differences) {
        if (differences.stream().noneMatch(MovedEntries::mayMove)) {
            return differences;
        }
        List<Node> nodes = new ArrayList<>(differences.size());
        Map<String, List<Node>> byDirectory = new HashMap<>();
        for (Difference d : differences) {
            Node node = new Node(d);
            nodes.add(node);
            byDirectory.computeIfAbsent(parent(d.name()), k -> new ArrayList<>()).add(node);
        }
        byDirectory.values().forEach(this::match);
        List<Difference> result = new ArrayList<>(differences.size());
        for (Node node : nodes) {
            Difference outcome = node.outcome();
            if (outcome != null) {
                result.add(outcome);
            }
        }
        return result;
    }

    public static boolean mayMove(Difference d) {
        return (d.current() != null && d.current().has(Attribute.COMPRESSED))
                || (d.old() != null && d.old().has(Attribute.CHECKINODE));
    }

    private void match(List<Node> directory) {
        MoveCandidates candidates = new MoveCandidates(directory);
        for (Node node : candidates.inOrder()) {
            if (node.difference.current() != null && !rotated(node, candidates)) {
                renamed(node, candidates);
            }
        }
    }

    private boolean rotated(Node node, MoveCandidates candidates) {
        DbEntry now = node.difference.current();
        AttributeSet hashes = now.attrs().hashes();
        if (!now.has(Attribute.COMPRESSED) || hashes.isEmpty() || !content.readsFiles()
                || candidates.olds().isEmpty()) {
            return false;
        }
        // AIDE's growing limit also applies to the uncompressed stream: it hashes only st_size bytes of it.
        long hashed = now.has(Attribute.GROWING) ? now.size() : Long.MAX_VALUE;
        Optional<Map<Attribute, byte[]>> digests = content.uncompressedDigests(now, hashes, hashed,
                candidates.longest());
        if (digests.isEmpty()) {
            return false;
        }
        Node source = candidates.withDigests(now, digests.get());
        return source != null && accept(node, source, ROTATION_IGNORES, false);
    }

    private void renamed(Node node, MoveCandidates candidates) {
        DbEntry now = node.difference.current();
        if (parent(now.name()) == null) {
            return;
        }
        Node source = candidates.withInode(now.inode(), node);
        if (source != null) {
            accept(node, source, RENAME_IGNORES, true);
        }
    }

    private boolean accept(Node target, Node source, AttributeSet ignore, boolean compareHashes) {
        DbEntry old = source.difference.old();
        DbEntry now = target.difference.current();
        if (old.attrs().minus(SPECIAL).equals(now.attrs().minus(SPECIAL))
                && AttributeComparison.changed(old, now, ignore, compareHashes, content).isEmpty()) {
            target.movedIn = true;
            source.movedOut = true;
            return true;
        }
        return false;
    }

    /** The directory of a database name, or null for the root. */
    static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return name.equals("/") || slash < 0 ? null : slash == 0 ? "/" : name.substring(0, slash);
    }

    /** One difference and what the matching made of it. */
    static final class Node {
        final Difference difference;
        boolean movedIn;
        boolean movedOut;

        Node(Difference difference) {
            this.difference = difference;
        }

        Difference outcome() {
            Difference d = difference;
            if (!movedIn && !movedOut) {
                return d;
            }
            if (d.isAdded() || d.isRemoved()) {
                return null;
            }
            if (!movedIn && !d.current().has(Attribute.ALLOWNEWFILE)) {
                return new Difference(null, d.current(), AttributeSet.EMPTY);
            }
            if (!movedOut && !d.old().has(Attribute.ALLOWRMFILE)) {
                return new Difference(d.old(), null, AttributeSet.EMPTY);
            }
            return null;
        }
    }
}
