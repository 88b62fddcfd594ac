import io.fileintegrity.api.AttributeChange;
import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.FileChange;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ScanStatistics;
import io.fileintegrity.api.report.ConfigMapLog;
import io.fileintegrity.api.report.ReportFormat;
import io.fileintegrity.reporting.render.RenderingReportService;
import io.fileintegrity.reporting.render.ScanResultJsonReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints how long rendering, reading back and ConfigMap packing take for a result with N changes. */
public final class RenderBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<FileChange> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            changes.add(FileChange.changed("/usr/lib/modules/6.1.0/kernel/drivers/file-" + i + ".ko",
                    List.of(new AttributeChange("SHA512", "a".repeat(88), "b".repeat(88)))));
        }
        ScanResult result = ScanResult.builder("ostree", ScanMode.CHECK).outcome(Outcome.FAILED)
                .counts(new ChangeCounts(0, n, 0)).changes(changes, false)
                .statistics(new ScanStatistics(n * 3L, 1L << 30, Map.of(), 0)).build();
        RenderingReportService service = new RenderingReportService();
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d, %,d changes%n", round + 1, n);
            String json = time("json render", () -> render(service, result, ReportFormat.JSON));
            time("ndjson render", () -> render(service, result, ReportFormat.NDJSON));
            String aide = time("aide render", () -> render(service, result, ReportFormat.AIDE));
            time("json read back", () -> new ScanResultJsonReader().read(json).changes().size() + "");
            ConfigMapLog packed = time("configmap encode", () -> service.encodeForConfigMap(aide));
            time("configmap decode", () -> service.decodeConfigMapLog(packed));
            System.out.printf("  sizes: json %,d B, aide %,d B, configmap %,d B (compressed=%s)%n",
                    json.length(), aide.length(), packed.data().length(), packed.compressed());
        }
    }

    private static String render(RenderingReportService service, ScanResult result, ReportFormat format)
            throws Exception {
        StringWriter out = new StringWriter();
        service.render(result, format, out);
        return out.toString();
    }

    interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T time(String label, Step<T> step) throws Exception {
        long start = System.nanoTime();
        T value = step.run();
        System.out.printf("  %-18s %8.1f ms%n", label, (System.nanoTime() - start) / 1e6);
        return value;
    }
}
