package io.fileintegrity.api.report;

import io.fileintegrity.api.ScanResult;
import java.io.IOException;
import java.io.Writer;
import org.osgi.annotation.versioning.ProviderType;

/** Renders results and packs logs for ConfigMaps. Implemented by the reporting bundle; thread-safe. */
@ProviderType
public interface ReportService {

    /** Writes {@code result} to {@code out} in {@code format}. */
    void render(ScanResult result, ReportFormat format, Writer out) throws IOException;

    /**
     * Packs a log for a ConfigMap exactly as FIO does: unchanged up to 1,048,570 bytes, gzip then base64
     * above that.
     *
     * @throws LogTooLargeException when even the compressed form does not fit, with a message saying so
     */
    ConfigMapLog encodeForConfigMap(String log) throws LogTooLargeException;

    /**
     * Reads back what {@link #encodeForConfigMap} produced (or what FIO stored).
     *
     * @throws IOException when compressed data is not valid base64 or gzip
     */
    String decodeConfigMapLog(ConfigMapLog stored) throws IOException;
}
