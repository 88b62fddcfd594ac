package io.fileintegrity.reporting.render;

import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.api.report.LogTooLargeException;
import io.fileintegrity.api.report.ReportFormat;
import io.fileintegrity.api.report.ReportService;
import io.fileintegrity.reporting.configmap.ConfigMapLogCodec;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import org.osgi.service.component.annotations.Component;

/** The {@link ReportService}: the three renderers and FIO's ConfigMap packing behind one service. */
@Component(service = ReportService.class)
public final class RenderingReportService implements ReportService {

    private final AideReportRenderer aide = new AideReportRenderer(ZoneId.systemDefault());
    private final JsonReportRenderer json = new JsonReportRenderer();
    private final NdjsonReportRenderer ndjson = new NdjsonReportRenderer();
    private final ConfigMapLogCodec codec = new ConfigMapLogCodec();

    @Override
    public void render(ScanResult result, ReportFormat format, Writer out) throws IOException {
        switch (format) {
            case AIDE -> aide.render(result, out);
            case JSON -> json.render(result, out);
            case NDJSON -> ndjson.render(result, out);
        }
    }

    @Override
    public ConfigMapLog encodeForConfigMap(String log) throws LogTooLargeException {
        return codec.encode(log);
    }

    @Override
    public String decodeConfigMapLog(ConfigMapLog stored) throws IOException {
        return codec.decode(stored);
    }
}
