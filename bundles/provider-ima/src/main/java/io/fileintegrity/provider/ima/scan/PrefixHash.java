package io.fileintegrity.provider.ima.scan;

import io.fileintegrity.provider.ima.digest.Digests;
import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.digest.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/** SHA-256 of the first bytes of a list: how a later check tells that already checked entries are unchanged. */
final class PrefixHash {

    private PrefixHash() {
    }

    /** The hash of the first {@code length} bytes, or empty when the file is shorter. */
    static Optional<String> of(Path file, long length) throws IOException {
        MessageDigest digest = Digests.newDigest(HashAlgorithm.SHA256);
        byte[] buffer = new byte[1 << 16];
        long left = length;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return Optional.empty();
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        }
        return Optional.of(Hex.encode(digest.digest()));
    }

    /** Opens the file positioned after its first {@code length} bytes (securityfs files cannot seek). */
    static InputStream after(Path file, long length) throws IOException {
        InputStream in = Files.newInputStream(file);
        long skipped = 0;
        while (skipped < length) {
            long step = in.skip(length - skipped);
            if (step <= 0) {
                if (in.read() < 0) {
                    in.close();
                    throw new IOException(file + ": shorter than the " + length + " bytes already checked");
                }
                step = 1;
            }
            skipped += step;
        }
        return in;
    }
}
