package io.fileintegrity.provider.aide.compare;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DbEntry;
import java.util.Map;
import java.util.Optional;

/**
 * Second reads of a file's content that AIDE 0.18 makes while comparing: the digests of the first
 * bytes of a grown file ({@code growing}) and of a gzip file's uncompressed content ({@code compressed}).
 * A database compare ({@code --compare}) reads no file: AIDE then keeps the hashes as changed and does
 * not look for rotations.
 */
public interface FileContent {
    /** No file access (database compare mode). */
    FileContent NONE = new FileContent() {
        @Override
        public boolean readsFiles() {
            return false;
        }

        @Override
        public Optional<Map<Attribute, byte[]>> prefixDigests(DbEntry current, long length, AttributeSet hashes) {
            return Optional.empty();
        }

        @Override
        public Optional<Map<Attribute, byte[]>> uncompressedDigests(DbEntry current, AttributeSet hashes,
                long hashedBytes, long maxLength) {
            return Optional.empty();
        }
    };

    /** Whether files are read at all (false in database compare mode). */
    boolean readsFiles();

    /**
     * The digests of the first {@code length} bytes of {@code current}'s file, or empty if the file is
     * no longer the scanned regular file, is shorter, or cannot be read.
     */
    Optional<Map<Attribute, byte[]>> prefixDigests(DbEntry current, long length, AttributeSet hashes);

    /**
     * The digests of the first {@code hashedBytes} bytes of the gzip-decompressed content of
     * {@code current}'s file ({@code Long.MAX_VALUE}: all of it), or empty if it is not an intact gzip
     * file (bad header, data or CRC), is no longer the scanned regular file, or decompresses to more
     * than {@code maxLength} bytes (such content can match no candidate; the bound keeps a gzip bomb
     * from being hashed for long).
     */
    Optional<Map<Attribute, byte[]>> uncompressedDigests(DbEntry current, AttributeSet hashes, long hashedBytes,
            long maxLength);
}
