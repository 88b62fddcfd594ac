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

/**
 * Computes content checksums as OSTree does: SHA-256 over the length-prefixed file header, then the
 * content for regular files (research/ostree.md §3). One instance per thread: it reuses its buffer
 * and digest.
 */
public final class ContentHasher {

    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] buffer = new byte[256 * 1024];
    private long bytesHashed;

    /** A content checksum and how many content bytes went into it. */
    public record Result(Checksum checksum, long contentBytes) {}

    /** Hashes {@code meta} and the content read from {@code content} (ignored for symlinks). */
    public Result hash(FileMeta meta, InputStream content) throws IOException {
        digest.reset();
        digest.update(meta.checksumPrefix());
        long total = 0;
        if (meta.isRegular()) {
            int n;
            while ((n = content.read(buffer)) > 0) {
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
        digest.update(meta.checksumPrefix());
        long total = 0;
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = channel.read(wrapped.clear())) >= 0) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        bytesHashed += total;
        return new Result(Checksum.of(digest.digest()), total);
    }

    /** Content bytes hashed by this instance so far. */
    public long bytesHashed() {
        return bytesHashed;
    }
}
