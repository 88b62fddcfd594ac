package io.fileintegrity.provider.aide.database;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;

/** Feeds every byte read through it to a list of digests. */
final class DigestingInputStream extends FilterInputStream {
    private final List<MessageDigest> digests;

    DigestingInputStream(InputStream in, List<MessageDigest> digests) {
        super(in);
        this.digests = List.copyOf(digests);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digests.forEach(d -> d.update((byte) b));
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            digests.forEach(d -> d.update(buf, off, n));
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported while digesting");
    }
}
