import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ostree.cli.OstreeSubcommand;
import io.fileintegrity.provider.ostree.repo.Sha256;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Benchmark launcher (not part of the bundle): {@code java -cp CP RunVerify.java verify ARGS...} runs
 * {@code fio ostree verify ARGS...} and prints the wall time; {@code RunVerify.java sha256-speed} prints
 * the single-thread BC-FIPS SHA-256 speed in MB/s.
 */
public class RunVerify {
    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("sha256-speed")) {
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                digest.update(buffer);
            }
            long start = System.nanoTime();
            int megabytes = 512;
            for (int i = 0; i < megabytes; i++) {
                digest.update(buffer);
            }
            digest.digest();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%.1f%n", megabytes * 1.048576 / seconds);
            return;
        }
        int repeat = Integer.parseInt(System.getenv().getOrDefault("REPEAT", "1"));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int code = 0;
        for (int run = 0; run < repeat; run++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            code = new OstreeSubcommand().run(new CommandInvocation(List.of(args), System.in, System.out, System.err,
                    Path.of("").toAbsolutePath(), false, Map.of()));
            System.err.printf("fio-ostree-verify-seconds %.2f cpu %.2f exit %d%n", (System.nanoTime() - start) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9, code);
        }
        System.exit(code);
    }
}
