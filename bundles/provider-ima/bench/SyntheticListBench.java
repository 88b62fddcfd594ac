import io.fileintegrity.provider.ima.digest.HashAlgorithm;
import io.fileintegrity.provider.ima.log.AsciiMeasurementParser;
import io.fileintegrity.provider.ima.log.BinaryMeasurementParser;
import io.fileintegrity.provider.ima.log.MeasurementReader;
import io.fileintegrity.provider.ima.log.MeasurementListWriter;
import io.fileintegrity.provider.ima.pcr.PcrValues;
import io.fileintegrity.provider.ima.policy.AllowlistParser;
import io.fileintegrity.provider.ima.policy.PolicyJudge;
import io.fileintegrity.provider.ima.signature.SignatureKeys;
import io.fileintegrity.provider.ima.verify.ListVerifier;
import io.fileintegrity.provider.ima.verify.VerificationReport;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark: a synthetic list of N ima-ng entries (sha256 file digests), its PCR 10 in four banks and
 * a policy listing every file; times parse + template hashes + replay + policy, best of R runs.
 * Usage: java -cp ... SyntheticListBench.java [entries] [runs] [out-dir]
 */
public class SyntheticListBench {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MeasurementListWriter list = new MeasurementListWriter()
                .imaNg("sha256", MeasurementListWriter.sha("sha256", new byte[1]), "boot_aggregate");
        StringBuilder policy = new StringBuilder();
        for (int i = 1; i < entries; i++) {
            byte[] digest = MeasurementListWriter.sha("sha256", Integer.toString(i).getBytes());
            String path = "/usr/lib/x86_64-linux-gnu/synthetic/lib" + i + ".so.1";
            list.imaNg("sha256", digest, path);
            policy.append(HexFormat.of().formatHex(digest)).append(' ').append(path).append('\n');
        }
        policy.append(HexFormat.of().formatHex(MeasurementListWriter.sha("sha256", new byte[1]))).append(" boot_aggregate\n");
        byte[] binary = list.binary();
        Map<HashAlgorithm, byte[]> banks = new LinkedHashMap<>();
        HashAlgorithm.PCR_BANKS.forEach(b -> banks.put(b, list.pcr10(b.kernelName())));
        if (args.length > 2) {
            Path out = Path.of(args[2]);
            Files.createDirectories(out);
            Files.write(out.resolve("binary_runtime_measurements"), binary);
            Files.write(out.resolve("ascii_runtime_measurements"), list.text());
            Files.writeString(out.resolve("allowlist.txt"), policy);
            StringBuilder pcrs = new StringBuilder();
            banks.forEach((b, v) -> pcrs.append(b).append(":10 ").append(HexFormat.of().formatHex(v)).append('\n'));
            Files.writeString(out.resolve("pcrs.txt"), pcrs);
        }
        System.out.printf("list: %d entries, %d bytes binary, %d bytes text%n", entries, binary.length, list.text().length);
        var parsedPolicy = AllowlistParser.parseAny("allowlist", policy.toString()).policy().orElseThrow();
        for (String mode : new String[] {"parse only", "parse+hash+replay (4 banks)", "parse+hash+replay+policy",
                "text+policy+sha256 (as Keylime)"}) {
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            VerificationReport report = null;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                long cpuStart = cpuTime();
                boolean keylimeLike = mode.startsWith("text");
                try (MeasurementReader reader = keylimeLike
                        ? new AsciiMeasurementParser(new ByteArrayInputStream(list.text()), "synthetic")
                        : new BinaryMeasurementParser(new ByteArrayInputStream(binary), "synthetic")) {
                    if (mode.equals("parse only")) {
                        while (reader.next() != null) {
                            // count only
                        }
                    } else {
                        var judge = mode.contains("policy")
                                ? Optional.of(new PolicyJudge(parsedPolicy, new SignatureKeys())) : Optional.<PolicyJudge>empty();
                        var tpm = keylimeLike ? new PcrValues("bench", Map.of(HashAlgorithm.SHA256, banks.get(HashAlgorithm.SHA256)))
                                : new PcrValues("bench", banks);
                        report = new ListVerifier(judge, tpm, false, true)
                                .verify(reader, Map.of(), 0, f -> { }, () -> false);
                    }
                }
                best = Math.min(best, System.nanoTime() - start);
                bestCpu = Math.min(bestCpu, cpuTime() - cpuStart);
            }
            System.out.printf("%-32s best of %d: %7.1f ms wall, %7.1f ms CPU%s%n", mode, runs, best / 1e6, bestCpu / 1e6,
                    report == null ? "" : "  (findings " + report.findingCount() + ", banks matched "
                            + report.banks().stream().filter(b -> b.matched()).count() + "/" + report.banks().size() + ")");
        }
    }

    /** CPU time of the whole JVM (all threads), less sensitive than wall time to a busy machine. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
