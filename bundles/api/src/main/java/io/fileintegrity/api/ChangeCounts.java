package io.fileintegrity.api;

/**
 * How many files were added, changed and removed: FIO's {@code filesAdded}, {@code filesChanged},
 * {@code filesRemoved}.
 */
public record ChangeCounts(long added, long changed, long removed) {

    /** No changes. */
    public static final ChangeCounts NONE = new ChangeCounts(0, 0, 0);

    public ChangeCounts {
        if (added < 0 || changed < 0 || removed < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** Sum of the three counts. */
    public long total() {
        return added + changed + removed;
    }

    /** These counts plus one change of the given kind. */
    public ChangeCounts plus(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> new ChangeCounts(added + 1, changed, removed);
            case CHANGED -> new ChangeCounts(added, changed + 1, removed);
            case REMOVED -> new ChangeCounts(added, changed, removed + 1);
        };
    }
}
