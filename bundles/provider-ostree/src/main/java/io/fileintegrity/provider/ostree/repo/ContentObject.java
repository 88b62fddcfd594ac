package io.fileintegrity.provider.ostree.repo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A content object as stored: its metadata (from the inode, {@code user.ostreemeta} or the archive
 * header) and a way to read its bytes.
 *
 * @param checksum the object's name
 * @param meta the metadata its checksum covers
 * @param size the content length the object declares
 * @param path the object file
 * @param payloadOffset where the content starts in the file (archive: after the header), else 0
 * @param compressed whether the payload is raw DEFLATE (archive mode)
 */
public record ContentObject(Checksum checksum, FileMeta meta, long size, Path path, long payloadOffset,
        boolean compressed) {

    /** The content bytes (empty for a symlink). */
    public InputStream openContent() throws IOException {
        if (meta.isSymlink()) {
            return InputStream.nullInputStream();
        }
        var channel = Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        channel.position(payloadOffset);
        InputStream raw = Channels.newInputStream(channel);
        if (!compressed) {
            return raw;
        }
        Inflater inflater = new Inflater(true);
        return new InflaterInputStream(new BufferedInputStream(raw, 65536), inflater, 65536) {
            @Override
            public void close() throws IOException {
                super.close();
                inflater.end();
            }
        };
    }
}
