import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.provider.aide.AideIntegrityProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's path for bench/huge-report.sh: {@code java ProviderCheck.java init|check CONF STATE}.
 * Prints the outcome, counts, changes received by the sink and the size of ScanResult.report.
 */
public class ProviderCheck {
    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args[1]);
        AtomicLong sunk = new AtomicLong();
        ScanContext context = new ScanContext(Path.of("/"), new ProviderConfig(conf.toString(), Files.readString(conf)),
                Path.of(args[2]), new ScanOptions(Runtime.getRuntime().availableProcessors(), 0, 1000, Map.of()), null,
                change -> sunk.incrementAndGet(), null);
        AideIntegrityProvider provider = new AideIntegrityProvider();
        ScanResult r = args[0].equals("init") ? provider.initialize(context) : provider.check(context);
        System.out.println("outcome " + r.outcome() + " counts " + r.counts() + " changes sunk " + sunk.get()
                + " kept " + r.changes().size() + " report " + (r.report() == null ? 0 : r.report().length()) + " chars"
                + (r.errorMessage() == null || r.errorMessage().isEmpty() ? "" : " error " + r.errorMessage()));
        String report = r.report() == null ? "" : r.report();
        int cut = report.lastIndexOf("[report truncated");
        if (cut >= 0) {
            System.out.print("last line: " + report.substring(cut));
        }
    }
}
