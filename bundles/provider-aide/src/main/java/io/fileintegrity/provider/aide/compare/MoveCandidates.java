package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The old entries of one directory's differences that a moved entry may come from, indexed so that
 * each lookup costs the candidates with the same inode or digest, not the whole directory: AIDE
 * walks its sorted child list, so every index keeps name order and the first fit wins.
 */
final class MoveCandidates {
    private static final AttributeSet SIZE_KEPT = AttributeSet.of(Attribute.SIZE, Attribute.SIZEG, Attribute.GROWING);
    /** Longest uncompressed content hashed when a candidate's size is not in the database. */
    static final long UNKNOWN_SIZE_LIMIT = 4L << 30;

    private final List<MovedEntries.Node> nodes;
    private final List<MovedEntries.Node> olds = new ArrayList<>();
    private final Map<Long, List<MovedEntries.Node>> byInode = new HashMap<>();
    private final Map<Attribute, Map<String, List<MovedEntries.Node>>> byDigest = new HashMap<>();
    private long longest;

    MoveCandidates(List<MovedEntries.Node> directory) {
        this.nodes = new ArrayList<>(directory);
        nodes.sort(Comparator.comparing(n -> n.difference.name()));
        for (MovedEntries.Node n : nodes) {
            DbEntry old = n.difference.old();
            if (old == null) {
                continue;
            }
            olds.add(n);
            longest = Math.max(longest, old.attrs().intersects(SIZE_KEPT) ? old.size() : UNKNOWN_SIZE_LIMIT);
            if (old.has(Attribute.CHECKINODE)) {
                byInode.computeIfAbsent(old.inode(), k -> new ArrayList<>()).add(n);
            }
            for (Attribute h : old.attrs().hashes()) {
                byte[] digest = old.hash(h);
                if (digest != null) {
                    byDigest.computeIfAbsent(h, k -> new HashMap<>())
                            .computeIfAbsent(key(digest), k -> new ArrayList<>()).add(n);
                }
            }
        }
    }

    /** Every difference of the directory, in name order. */
    List<MovedEntries.Node> inOrder() {
        return nodes;
    }

    /** The old entries, in name order. */
    List<MovedEntries.Node> olds() {
        return olds;
    }

    /**
     * The largest size of the old entries, or {@link #UNKNOWN_SIZE_LIMIT} (if larger) when one keeps no
     * size: uncompressed content longer than that matches none of them.
     */
    long longest() {
        return longest;
    }

    /** The first old entry with {@code I}, not moved out and not {@code self}, with this inode. */
    MovedEntries.Node withInode(long inode, MovedEntries.Node self) {
        return byInode.getOrDefault(inode, List.of()).stream().filter(n -> n != self && !n.movedOut)
                .findFirst().orElse(null);
    }

    /**
     * The first old entry, not moved out, whose digests equal {@code digests} for every hash of
     * {@code now}. (AIDE also offers entries that already moved out, so two gzip copies of one old
     * file would both count as its rotation and the second addition would go unreported.)
     */
    MovedEntries.Node withDigests(DbEntry now, Map<Attribute, byte[]> digests) {
        Attribute first = now.attrs().hashes().iterator().next();
        byte[] digest = digests.get(first);
        Stream<MovedEntries.Node> candidates = digest == null ? olds.stream()
                : byDigest.getOrDefault(first, Map.of()).getOrDefault(key(digest), List.of()).stream();
        return candidates.filter(n -> !n.movedOut && AttributeComparison.changedDigests(now.attrs().hashes(), n.difference.old(),
                digests).isEmpty()).findFirst().orElse(null);
    }

    private static String key(byte[] digest) {
        return Base64.getEncoder().encodeToString(Objects.requireNonNull(digest));
    }
}
