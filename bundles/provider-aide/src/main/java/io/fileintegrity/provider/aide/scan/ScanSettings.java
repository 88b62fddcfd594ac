package io.fileintegrity.provider.aide.scan;

/**
 * How to scan.
 *
 * @param rootPrefix AIDE's {@code root_prefix}: prepended to database names to get disk paths ("" for none)
 * @param threads threads that collect attributes and hash files, at least 1
 * @param ioBytesPerSecond cap on bytes read for hashing per second, 0 for none
 * @param hashProvider where digests come from
 * @param aclOnSymlinks AIDE's {@code acl_no_symlink_follow}: keep the {@code acl} attribute for symlinks
 * @param dropPageCache release hashed files from the page cache unless they were cached before
 */
public record ScanSettings(String rootPrefix, int threads, long ioBytesPerSecond, HashProvider hashProvider,
        boolean aclOnSymlinks, boolean dropPageCache) {

    public ScanSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        rootPrefix = rootPrefix.endsWith("/") ? rootPrefix.substring(0, rootPrefix.length() - 1) : rootPrefix;
    }

    /** Defaults: no prefix, two threads, no I/O cap, BC-FIPS, AIDE's defaults otherwise. */
    public static ScanSettings defaults() {
        return new ScanSettings("", 2, 0, HashProvider.BC_FIPS, false, true);
    }

    public ScanSettings withRootPrefix(String value) {
        return new ScanSettings(value, threads, ioBytesPerSecond, hashProvider, aclOnSymlinks, dropPageCache);
    }

    public ScanSettings withThreads(int value) {
        return new ScanSettings(rootPrefix, value, ioBytesPerSecond, hashProvider, aclOnSymlinks, dropPageCache);
    }

    public ScanSettings withHashProvider(HashProvider value) {
        return new ScanSettings(rootPrefix, threads, ioBytesPerSecond, value, aclOnSymlinks, dropPageCache);
    }

    public ScanSettings withAclOnSymlinks(boolean value) {
        return new ScanSettings(rootPrefix, threads, ioBytesPerSecond, hashProvider, value, dropPageCache);
    }

    public ScanSettings withIoBytesPerSecond(long value) {
        return new ScanSettings(rootPrefix, threads, value, hashProvider, aclOnSymlinks, dropPageCache);
    }
}
