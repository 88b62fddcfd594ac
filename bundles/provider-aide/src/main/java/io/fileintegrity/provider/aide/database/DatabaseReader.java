package io.fileintegrity.provider.aide.database;

import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams the entries of an AIDE 0.18 database (plain or gzip, detected by the magic bytes as AIDE
 * does). Entries come in database order; a file that is not in AIDE's order ({@link PathOrder}),
 * has duplicate entries, an unknown {@code @@db_spec} column, bad base64, or no {@code @@end_db} is
 * rejected with a {@link DatabaseFormatException} naming the line. Not thread-safe.
 */
public final class DatabaseReader implements EntryStream {
    private final String source;
    private final Latin1LineReader reader;
    private final List<String> comments = new ArrayList<>();
    private EntryLineCodec codec;
    private AttributeSet specAttrs;
    private long lineNumber;
    private String previousName;
    private boolean ended;

    /**
     * Opens a database stream and reads its header.
     *
     * @param digests digests to feed with the uncompressed bytes (the report's database attributes)
     */
    public DatabaseReader(InputStream in, String source, List<MessageDigest> digests) throws IOException {
        this.source = source;
        InputStream raw = new BufferedInputStream(in, 1 << 16);
        InputStream plain = isGzip(raw) ? gunzip(raw, source) : raw;
        if (!digests.isEmpty()) {
            plain = new DigestingInputStream(plain, digests);
        }
        this.reader = new Latin1LineReader(plain);
        try {
            readHeader();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Opens a database file. */
    public static DatabaseReader open(Path file) throws IOException {
        return new DatabaseReader(Files.newInputStream(file), file.toString(), List.of());
    }

    private static InputStream gunzip(InputStream raw, String source) throws IOException {
        try {
            return new GzipCompressorInputStream(raw, true);
        } catch (IOException e) {
            raw.close();
            throw new DatabaseFormatException(source, 1, "cannot read the gzip header: " + e, e);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    private void readHeader() throws IOException {
        String line;
        do {
            line = readLine();
            if (line == null) {
                throw error("no @@begin_db line: not an AIDE database");
            }
        } while (!line.equals("@@begin_db"));
        while ((line = readLine()) != null && (line.startsWith("#") || line.isEmpty())) {
            comments.add(line);
        }
        if (line == null || !line.startsWith("@@db_spec")) {
            throw error("expected the @@db_spec line after @@begin_db");
        }
        parseSpec(line.substring("@@db_spec".length()));
    }

    private void parseSpec(String spec) throws DatabaseFormatException {
        List<Attribute> columns = new ArrayList<>();
        Set<Attribute> seen = EnumSet.noneOf(Attribute.class);
        for (String name : spec.trim().split(" +")) {
            Optional<Attribute> a = Attribute.fromDbName(name);
            if (a.isEmpty()) {
                throw error("unknown field '" + name + "' in @@db_spec");
            }
            if (!seen.add(a.get())) {
                throw error("field '" + name + "' appears twice in @@db_spec");
            }
            columns.add(a.get());
        }
        if (columns.isEmpty() || columns.get(0) != Attribute.NAME) {
            throw error("@@db_spec must start with the field 'name'");
        }
        codec = new EntryLineCodec(columns);
        AttributeSet attrs = AttributeSet.EMPTY;
        for (Attribute a : columns) {
            attrs = attrs.plus(a);
        }
        specAttrs = attrs.minus(Attribute.ATTR);
    }

    /** The header's comment lines ({@code # ...}). */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** The {@code @@db_spec} columns. */
    public List<Attribute> columns() {
        return codec.columns();
    }

    public String source() {
        return source;
    }

    /**
     * The next entry, or null after {@code @@end_db}.
     *
     * @throws DatabaseFormatException for a malformed line, a duplicate or out-of-order entry, or a
     *     missing {@code @@end_db}
     */
    @Override
    public DbEntry next() throws IOException {
        if (ended) {
            return null;
        }
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("@@end_db")) {
                ended = true;
                return null;
            }
            return parseEntry(line);
        }
        throw error("the database ends without @@end_db (truncated?)");
    }

    private DbEntry parseEntry(String line) throws DatabaseFormatException {
        DbEntry entry;
        try {
            entry = codec.decode(line.split(" ", -1), specAttrs);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        if (!entry.name().startsWith("/")) {
            throw error("entry name '" + entry.name() + "' is not an absolute path");
        }
        if (previousName != null) {
            int order = PathOrder.INSTANCE.compare(previousName, entry.name());
            if (order == 0) {
                throw error("duplicate entry '" + entry.name() + "'");
            }
            if (order > 0) {
                throw error("entry '" + entry.name() + "' is out of AIDE's database order (after '"
                        + previousName + "')");
            }
        }
        previousName = entry.name();
        return entry;
    }

    private String readLine() throws IOException {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new DatabaseFormatException(source, lineNumber + 1, "cannot read: " + e.getMessage()
                    + " (truncated or corrupt gzip?)", e);
        }
    }

    /** Reads the rest of the stream (so that digests cover the whole file). */
    public void drain() throws IOException {
        while (readLine() != null) {
            // only the digests need these bytes
        }
    }

    private DatabaseFormatException error(String problem) {
        return new DatabaseFormatException(source, Math.max(1, lineNumber), problem);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
