package io.fileintegrity.provider.aide.run;

import io.fileintegrity.api.Cancellation;
import io.fileintegrity.provider.aide.compare.FileContent;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import io.fileintegrity.provider.aide.scan.HashProvider;
import io.fileintegrity.provider.aide.scan.IoThrottle;
import io.fileintegrity.provider.aide.scan.ScanCounters;
import io.fileintegrity.provider.aide.scan.ScanSettings;
import io.fileintegrity.provider.aide.scan.ScannedFileInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;

/**
 * {@link FileContent} from the disk of a check or update: the entry's file is {@code root_prefix} +
 * its name, re-opened as a regular file with the scanned inode ({@link ScannedFileInput}: the scan's
 * I/O cap, pages it brought in dropped again), hashed with the run's hash provider. A file that cannot be read is a warning and the hashes stay changed; a
 * cancelled run stops reading ({@link CancellationException}).
 */
final class DiskContent implements FileContent {
    private static final int BUFFER = 1 << 16;

    private final String rootPrefix;
    private final HashProvider provider;
    private final IoThrottle throttle;
    private final boolean dropPageCache;
    private final ScanCounters counters;
    private final Cancellation cancellation;

    DiskContent(ScanSettings settings, IoThrottle throttle, ScanCounters counters, Cancellation cancellation) {
        this.rootPrefix = settings.rootPrefix();
        this.provider = settings.hashProvider();
        this.dropPageCache = settings.dropPageCache();
        this.throttle = throttle;
        this.counters = counters;
        this.cancellation = cancellation;
    }

    @Override
    public boolean readsFiles() {
        return true;
    }

    @Override
    public Optional<Map<Attribute, byte[]>> prefixDigests(DbEntry current, long length, AttributeSet hashes) {
        String path = rootPrefix + current.name();
        try (ScannedFileInput in = open(path, current)) {
            Map<Attribute, MessageDigest> digests = digests(hashes);
            long read = feed(in, digests, length);
            if (read < length) {
                counters.warn("hash calculation: '" + path + "' has " + read + " bytes, fewer than its old size "
                        + length + " (growing check: hashes kept as changed)");
                return Optional.empty();
            }
            return Optional.of(finish(digests));
        } catch (IOException e) {
            counters.warn("hash calculation: " + e.getMessage() + " (growing check: hashes kept as changed)");
            return Optional.empty();
        }
    }

    @Override
    public Optional<Map<Attribute, byte[]>> uncompressedDigests(DbEntry current, AttributeSet hashes,
            long hashedBytes, long maxLength) {
        String path = rootPrefix + current.name();
        try (ScannedFileInput file = open(path, current)) {
            byte[] magic = file.readNBytes(2);
            if (magic.length < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) {
                return Optional.empty();
            }
            return gunzipped(new SequenceInputStream(new ByteArrayInputStream(magic), file), hashes, hashedBytes,
                    maxLength);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Map<Attribute, byte[]>> gunzipped(InputStream gzip, AttributeSet hashes, long hashedBytes,
            long maxLength) {
        try (InputStream in = new GZIPInputStream(gzip, BUFFER)) {
            Map<Attribute, MessageDigest> digests = digests(hashes);
            long limit = Math.min(hashedBytes, maxLength == Long.MAX_VALUE ? maxLength : maxLength + 1);
            long read = feed(in, digests, limit);
            if (read > maxLength) {
                return Optional.empty();
            }
            return Optional.of(finish(digests));
        } catch (IOException e) {
            // Not gzip, corrupt, truncated or a bad CRC: a normal new file (AIDE notes it and moves on).
            return Optional.empty();
        }
    }

    private ScannedFileInput open(String path, DbEntry current) throws IOException {
        return ScannedFileInput.open(path, current.inode(), throttle, dropPageCache, counters);
    }

    private Map<Attribute, MessageDigest> digests(AttributeSet hashes) {
        Map<Attribute, MessageDigest> digests = new EnumMap<>(Attribute.class);
        for (Attribute h : hashes) {
            digests.put(h, provider.digest(h));
        }
        return digests;
    }

    /** Feeds at most {@code limit} bytes of {@code in} to every digest; returns the bytes fed. */
    private long feed(InputStream in, Map<Attribute, MessageDigest> digests, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        while (total < limit) {
            if (cancellation.isCancelled()) {
                throw new CancellationException("compare cancelled");
            }
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            for (MessageDigest d : digests.values()) {
                d.update(buffer, 0, n);
            }
            total += n;
        }
        return total;
    }

    private static Map<Attribute, byte[]> finish(Map<Attribute, MessageDigest> digests) {
        Map<Attribute, byte[]> result = new EnumMap<>(Attribute.class);
        digests.forEach((a, d) -> result.put(a, d.digest()));
        return result;
    }
}
