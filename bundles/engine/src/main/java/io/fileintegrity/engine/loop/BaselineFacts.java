package io.fileintegrity.engine.loop;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.monitor.BaselineInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Facts about the baseline file a provider names in its result detail {@value #DETAIL}. Computed on the loop's
 * thread, so views never hash a large database, and only when the file's size or modification time changed
 * since the previous facts (a check leaves the baseline alone, so it is not hashed again after every scan).
 */
final class BaselineFacts {

    /** The result detail in which a provider names its baseline file. */
    static final String DETAIL = "baseline.path";

    private BaselineFacts() {}

    static Optional<BaselineInfo> of(ScanResult result, Optional<BaselineInfo> previous) {
        String location = result.details().get(DETAIL);
        if (location == null || location.isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(location);
        try {
            long size = Files.size(file);
            java.time.Instant modified = Files.getLastModifiedTime(file).toInstant();
            if (previous.isPresent() && previous.get().location().equals(location)
                    && previous.get().sizeBytes() == size && previous.get().modified().equals(modified)) {
                return previous;
            }
            return Optional.of(new BaselineInfo(location, size, modified, sha256(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // only a fingerprint for people comparing copies; the integrity checks hash through BC-FIPS
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
