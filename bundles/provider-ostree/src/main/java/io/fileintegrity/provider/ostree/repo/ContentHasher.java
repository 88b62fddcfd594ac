package io.fileintegrity.provider.ostree.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes content checksums as OSTree does: SHA-256 over the length-prefixed file header, then the
 * content for regular files (research/ostree.md §3). One instance per thread: it reuses its buffer
 * and digest.
 */
public final class ContentHasher {

    private static final int PREFIX_CACHE_SIZE = 256;

    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] buffer = new byte[256 * 1024];
    private final ReadThrottle throttle;
    /** Most files share a handful of (owner, mode, xattrs) combinations: encode each header once. */
    private final Map<FileMeta, byte[]> prefixes = new HashMap<>();
    private volatile long bytesHashed;

    public ContentHasher() {
        this(ReadThrottle.NONE);
    }

    public ContentHasher(ReadThrottle throttle) {
        this.throttle = throttle;
    }

    /** A content checksum and how many content bytes went into it. */
    public record Result(Checksum checksum, long contentBytes) {}

    /** Hashes {@code meta} and the content read from {@code content} (ignored for symlinks). */
    public Result hash(FileMeta meta, InputStream content) throws IOException {
        digest.reset();
        digest.update(prefix(meta));
        long total = 0;
        if (meta.isRegular()) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                throttle.acquire(n);
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        bytesHashed += total;
        return new Result(Checksum.of(digest.digest()), total);
    }

    /** Hashes {@code meta} and the regular file at {@code path} (opened without following symlinks). */
    public Result hash(FileMeta meta, Path path) throws IOException {
        if (!meta.isRegular()) {
            return hash(meta, InputStream.nullInputStream());
        }
        digest.reset();
        digest.update(prefix(meta));
        long total = 0;
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = channel.read(wrapped.clear())) >= 0) {
                throttle.acquire(n);
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        bytesHashed += total;
        return new Result(Checksum.of(digest.digest()), total);
    }

    private byte[] prefix(FileMeta meta) {
        byte[] prefix = prefixes.get(meta);
        if (prefix == null) {
            if (prefixes.size() >= PREFIX_CACHE_SIZE) {
                prefixes.clear();
            }
            prefix = meta.checksumPrefix();
            prefixes.put(meta, prefix);
        }
        return prefix;
    }

    /** Content bytes hashed by this instance so far. */
    public long bytesHashed() {
        return bytesHashed;
    }
}
