package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.Checksum;

/**
 * Re-hashing of hard-linked files in rotation. A deployed file that is the same inode as its repository
 * object, with the metadata the object records, can only differ from the commit if the object itself is
 * corrupt; such files are re-hashed when their checksum falls into this run's share, so every object is
 * re-hashed once every {@code period} runs. Files that are not hard links are always hashed.
 *
 * @param period 1 for hashing everything on every run, N for 1/N of the hard-linked files per run
 * @param run the number of this run (kept by the caller across runs)
 */
public record Rotation(int period, long run) {

    /** Hash everything every time. */
    public static final Rotation OFF = new Rotation(1, 0);

    public Rotation {
        if (period < 1) {
            throw new IllegalArgumentException("rotation period must be >= 1: " + period);
        }
    }

    boolean active() {
        return period > 1;
    }

    /** Whether a hard-linked file with this checksum is re-hashed in this run. */
    boolean hashesNow(Checksum checksum) {
        return Math.floorMod((long) checksum.hashCode() - run, (long) period) == 0;
    }
}
