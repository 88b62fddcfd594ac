package io.fileintegrity.provider.aide.run;

import io.fileintegrity.provider.aide.config.AideUrl;
import io.fileintegrity.provider.aide.config.Attribute;
import io.fileintegrity.provider.aide.config.AttributeSet;
import io.fileintegrity.provider.aide.database.DatabaseColumns;
import io.fileintegrity.provider.aide.database.DatabaseReader;
import io.fileintegrity.provider.aide.database.DatabaseWriter;
import io.fileintegrity.provider.aide.report.DatabaseDigest;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Opens the databases named by {@code database_in/out/new} URLs, with the {@code database_attrs} digests. */
final class DatabaseAccess {
    private final RunEnvironment env;
    private final AttributeSet digestAttrs;

    DatabaseAccess(RunEnvironment env) {
        this.env = env;
        this.digestAttrs = env.config().databaseAttrs().hashes().intersect(AttributeSet.FIPS_APPROVED_HASHES);
    }

    /** Digests to feed while reading or writing one database. */
    Map<Attribute, MessageDigest> newDigests() {
        Map<Attribute, MessageDigest> digests = new EnumMap<>(Attribute.class);
        for (Attribute a : digestAttrs) {
            digests.put(a, env.scan().hashProvider().digest(a));
        }
        return digests;
    }

    static DatabaseDigest finish(AideUrl url, Map<Attribute, MessageDigest> digests) {
        Map<Attribute, byte[]> values = new EnumMap<>(Attribute.class);
        digests.forEach((a, d) -> values.put(a, d.digest()));
        return new DatabaseDigest(url.value(), values);
    }

    DatabaseReader open(AideUrl url, String option, Map<Attribute, MessageDigest> digests) throws AideRunException {
        InputStream in;
        switch (url.type()) {
            case FILE -> {
                try {
                    in = Files.newInputStream(Path.of(url.value()));
                } catch (NoSuchFileException e) {
                    throw new AideRunException(ExitCodes.IO_ERROR, "cannot open " + option + " '" + url.value()
                            + "': No such file or directory");
                } catch (IOException e) {
                    throw new AideRunException(ExitCodes.IO_ERROR, "cannot open " + option + " '" + url.value()
                            + "': " + e.getMessage(), e);
                }
            }
            case STDIN -> in = new FilterInputStream(env.stdin()) {
                @Override
                public void close() {
                    // stdin stays open
                }
            };
            default -> throw new AideRunException(ExitCodes.UNIMPLEMENTED, option + ": unsupported URL type '"
                    + url.type().scheme() + "'");
        }
        try {
            return new DatabaseReader(in, url.value().isEmpty() ? url.type().scheme() : url.value(),
                    new ArrayList<>(digests.values()));
        } catch (IOException e) {
            throw new AideRunException(ExitCodes.IO_ERROR, e.getMessage(), e);
        }
    }

    DatabaseWriter create(AideUrl url, Map<Attribute, MessageDigest> digests) throws AideRunException {
        List<Attribute> columns = DatabaseColumns.forRules(env.config().ruleAttributeUnion());
        boolean gzip = env.config().gzipDbout();
        List<MessageDigest> d = new ArrayList<>(digests.values());
        try {
            return switch (url.type()) {
                case FILE -> DatabaseWriter.toFile(Path.of(url.value()), columns, gzip, d);
                case STDOUT -> DatabaseWriter.toStream(new FilterOutputStream(env.stdout()) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                        // a PrintStream swallows write errors; surface them so a full disk is exit code 14
                        if (out instanceof java.io.PrintStream p && p.checkError()) {
                            throw new IOException("write error on standard output");
                        }
                    }
                }, columns, gzip, d);
                default -> throw new AideRunException(ExitCodes.UNIMPLEMENTED, "database_out: unsupported URL type '"
                        + url.type().scheme() + "'");
            };
        } catch (IOException e) {
            // AIDE exits with IO_ERROR when database_out cannot be opened; WRITE_ERROR is for failed writes
            String reason = e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage();
            throw new AideRunException(ExitCodes.IO_ERROR, "open (read/write) failed for file '" + url.value() + "': "
                    + reason, e);
        }
    }

}
