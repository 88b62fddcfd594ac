package io.fileintegrity.k8s.bridge.agent;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.api.report.LogTooLargeException;
import io.fileintegrity.api.report.ReportFormat;
import io.fileintegrity.api.report.ReportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * FIO's ConfigMap log rule for tests (the reporting bundle implements the real service): unchanged up to
 * 1,048,570 bytes, gzip then base64 above, too large when even that does not fit. AIDE rendering passes the native report through.
 */
final class GzipBase64ReportService implements ReportService {

    static final int LIMIT = 1_048_570;

    @Override
    public void render(ScanResult result, ReportFormat format, Writer out) throws IOException {
        if (format != ReportFormat.AIDE) {
            throw new UnsupportedOperationException("the agent only renders AIDE logs");
        }
        out.write(result.report()); // as the real service does for the aide provider: its report passes through
    }

    @Override
    public ConfigMapLog encodeForConfigMap(String log) throws LogTooLargeException {
        byte[] raw = log.getBytes(StandardCharsets.UTF_8);
        if (raw.length <= LIMIT) {
            return new ConfigMapLog(log, false);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String encoded = Base64.getEncoder().encodeToString(buffer.toByteArray());
        if (encoded.length() > LIMIT) {
            throw new LogTooLargeException("compressed, encoded AIDE log is too large for a configMap (" + encoded.length() + ")");
        }
        return new ConfigMapLog(encoded, true);
    }

    @Override
    public String decodeConfigMapLog(ConfigMapLog stored) throws IOException {
        if (!stored.compressed()) {
            return stored.data();
        }
        byte[] gz = Base64.getDecoder().decode(stored.data());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
