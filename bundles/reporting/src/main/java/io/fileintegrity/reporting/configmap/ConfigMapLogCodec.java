package io.fileintegrity.reporting.configmap;

import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.api.report.LogTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Packs logs for the {@code integritylog} key of a failure ConfigMap the way FIO's daemon does
 * ({@code cmd/manager/logcollector_util.go}): a log larger than {@value #MAX_LOG_BYTES} bytes is
 * gzip-compressed at the default level and then base64-encoded (standard alphabet, padding, no line
 * breaks). If the compressed bytes or their base64 form are still larger than the limit, FIO stores a
 * sentence saying so; we throw {@link LogTooLargeException} with that sentence up to the size, e.g.
 * {@code compressed AIDE log is too large for a configMap (1234567)}. The caller knows the node and
 * appends FIO's rest: {@code  - fetch it from /etc/kubernetes/aide.log on node NODE}.
 */
public final class ConfigMapLogCodec {

    /** FIO's limit in bytes (its {@code MaxConfigMapSize}, described there as the etcd limit). */
    public static final int MAX_LOG_BYTES = 1_048_570;

    /** Upper bound for a decoded log, so a hostile ConfigMap cannot exhaust memory (a gzip bomb). */
    private static final int MAX_DECODED_BYTES = 512 * 1024 * 1024;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Packs {@code log}: unchanged up to the limit (measured in UTF-8 bytes), compressed above it. */
    public ConfigMapLog encode(String log) throws LogTooLargeException {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_LOG_BYTES) {
            return new ConfigMapLog(log, false);
        }
        byte[] compressed = gzip(bytes);
        if (compressed.length > MAX_LOG_BYTES) {
            throw new LogTooLargeException("compressed AIDE log is too large for a configMap ("
                    + compressed.length + ")");
        }
        String encoded = Base64.getEncoder().encodeToString(compressed);
        if (encoded.length() > MAX_LOG_BYTES) {
            throw new LogTooLargeException("compressed, encoded AIDE log is too large for a configMap ("
                    + encoded.length() + ")");
        }
        return new ConfigMapLog(encoded, true);
    }

    /** Unpacks what {@link #encode} (or FIO) stored. */
    public String decode(ConfigMapLog stored) throws IOException {
        if (!stored.compressed()) {
            return stored.data();
        }
        byte[] compressed;
        try {
            // Strict alphabet; only line breaks and spaces (a wrapped copy) are dropped first.
            compressed = Base64.getDecoder().decode(WHITESPACE.matcher(stored.data()).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IOException("the compressed log is not valid base64: " + e.getMessage(), e);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] log = in.readNBytes(MAX_DECODED_BYTES + 1);
            if (log.length > MAX_DECODED_BYTES) {
                throw new IOException("the compressed log expands to more than " + MAX_DECODED_BYTES + " bytes");
            }
            return new String(log, StandardCharsets.UTF_8);
        } catch (ZipException | EOFException e) {
            throw new IOException("the compressed log is not valid gzip data: " + e.getMessage(), e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory gzip failed", e);
        }
        return buffer.toByteArray();
    }
}
