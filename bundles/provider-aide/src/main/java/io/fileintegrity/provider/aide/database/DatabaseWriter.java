package io.fileintegrity.provider.aide.database;

import io.fileintegrity.provider.aide.config.Attribute;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes an AIDE 0.18 database. To a file it writes atomically: a temporary file (mode 0600) in the
 * target's directory, fsync, then rename over the target in {@link #commit()}. Closing without a
 * commit deletes the temporary file, so a failed run never touches an existing database.
 */
public final class DatabaseWriter implements Closeable {
    private final EntryLineCodec codec;
    /** Database text is byte strings (one char per byte): written as ISO-8859-1 bytes. */
    private final OutputStream out;
    private final Path temp;
    private final Path target;
    private boolean committed;
    private long entries;

    private DatabaseWriter(EntryLineCodec codec, OutputStream stream, Path temp, Path target, boolean gzip,
            List<MessageDigest> digests) throws IOException {
        this.codec = codec;
        this.temp = temp;
        this.target = target;
        OutputStream s = gzip ? new GzipCompressorOutputStream(stream, gzipLevel9()) : stream;
        if (!digests.isEmpty()) {
            s = new DigestingOutputStream(s, digests);
        }
        this.out = new BufferedOutputStream(s, 1 << 16);
    }

    /** A writer that replaces {@code target} atomically on {@link #commit()}. */
    public static DatabaseWriter toFile(Path target, List<Attribute> columns, boolean gzip, List<MessageDigest> digests)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = createTemp(dir, target.getFileName().toString());
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        try {
            return new DatabaseWriter(new EntryLineCodec(columns), new SyncingStream(channel), temp, target, gzip,
                    digests);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A writer to a stream (e.g. stdout); {@link #commit()} only finishes the stream. */
    public static DatabaseWriter toStream(OutputStream stream, List<Attribute> columns, boolean gzip,
            List<MessageDigest> digests) throws IOException {
        return new DatabaseWriter(new EntryLineCodec(columns), stream, null, null, gzip, digests);
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // named after the target so that rules excluding the database (e.g. FIO's "aide.*") exclude it too
            Path temp = dir.resolve(name + ".tmp" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static GzipParameters gzipLevel9() {
        GzipParameters p = new GzipParameters();
        p.setCompressionLevel(Deflater.BEST_COMPRESSION);
        return p;
    }

    /** Writes {@code @@begin_db}, the comment lines (each starting with {@code #}) and {@code @@db_spec}. */
    public void writeHeader(List<String> comments) throws IOException {
        text("@@begin_db\n");
        for (String c : comments) {
            text(c);
            out.write('\n');
        }
        StringBuilder spec = new StringBuilder("@@db_spec ");
        for (Attribute a : codec.columns()) {
            spec.append(a.dbName()).append(' ');
        }
        text(spec.append('\n').toString());
    }

    public void write(DbEntry entry) throws IOException {
        text(codec.encode(entry));
        out.write('\n');
        entries++;
    }

    private void text(String byteString) throws IOException {
        out.write(byteString.getBytes(StandardCharsets.ISO_8859_1));
    }

    public long entries() {
        return entries;
    }

    /** Writes {@code @@end_db}, flushes, syncs and (for a file) renames the temporary file over the target. */
    public void commit() throws IOException {
        text("@@end_db\n");
        out.close();
        if (temp != null) {
            moveIntoPlace();
        }
        committed = true;
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself already happened
        }
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // the run failed already; the temporary file is removed below
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Syncs the file when the stream is closed, after the gzip trailer and the last buffer. */
    private static final class SyncingStream extends FilterOutputStream {
        private final FileChannel channel;

        SyncingStream(FileChannel channel) {
            super(Channels.newOutputStream(channel));
            this.channel = channel;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            try (OutputStream o = out) {
                o.flush();
                channel.force(true);
            }
        }
    }

    private static final class DigestingOutputStream extends FilterOutputStream {
        private final List<MessageDigest> digests;

        DigestingOutputStream(OutputStream out, List<MessageDigest> digests) {
            super(out);
            this.digests = List.copyOf(digests);
        }

        @Override
        public void write(int b) throws IOException {
            digests.forEach(d -> d.update((byte) b));
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digests.forEach(d -> d.update(b, off, len));
            out.write(b, off, len);
        }
    }
}
