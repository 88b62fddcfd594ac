package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.compare.Difference;
import io.fileintegrity.provider.aide.report.DifferenceSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences of one run: in memory up to a threshold, then all of them in a spill file, so a
 * run where a huge tree changed needs no more heap than a small one. The spill file (mode 0600) is
 * unlinked as soon as it is created and lives only as an open descriptor: nothing is left behind,
 * not even when the JVM is killed. Passes read it back sequentially. One writer thread; passes only
 * after the last {@link #add}.
 */
final class DifferenceStore implements DifferenceSource, Closeable {
    /** Differences kept in the heap before the store spills (about 1-4 KiB each). */
    static final int IN_MEMORY = 2048;
    private static final int BUFFER = 1 << 16;

    private final Path directory;
    private final int inMemory;
    private final List<Difference> memory = new ArrayList<>();
    private FileChannel spill;
    private DataOutputStream writer;
    private long size;

    /** @param directory where the spill file is created (a state or temp directory) */
    DifferenceStore(Path directory) {
        this(directory, IN_MEMORY);
    }

    DifferenceStore(Path directory, int inMemory) {
        this.directory = directory;
        this.inMemory = inMemory;
    }

    void add(Difference d) throws IOException {
        size++;
        if (writer != null) {
            DifferenceCodec.write(writer, d);
            return;
        }
        memory.add(d);
        if (memory.size() > inMemory) {
            spillAll();
        }
    }

    private void spillAll() throws IOException {
        Path file;
        try {
            file = Files.createTempFile(directory, ".aide-differences-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new IOException("cannot create a spill file for " + size + " differences in '" + directory + "': "
                    + e.getMessage(), e);
        }
        try {
            spill = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(file);
        }
        writer = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(spill), BUFFER));
        for (Difference d : memory) {
            DifferenceCodec.write(writer, d);
        }
        memory.clear();
    }

    /** Whether the differences went to a spill file. */
    boolean spilled() {
        return spill != null;
    }

    long size() {
        return size;
    }

    @Override
    public void forEach(DifferenceVisitor visitor) throws IOException {
        if (spill == null) {
            for (Difference d : memory) {
                visitor.visit(d);
            }
            return;
        }
        writer.flush();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new PositionalInput(spill), BUFFER))) {
            for (long i = 0; i < size; i++) {
                visitor.visit(DifferenceCodec.read(in));
            }
        }
    }

    /** Drops the differences and closes the spill file (which has no name: closing frees its space). */
    @Override
    public void close() {
        memory.clear();
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                // the file was unlinked at creation; a failed close cannot leave anything behind
            }
        }
    }

    /** Reads a channel from offset 0 with positional reads, leaving the channel open and its position alone. */
    private static final class PositionalInput extends InputStream {
        private final FileChannel channel;
        private long position;

        PositionalInput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = channel.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
