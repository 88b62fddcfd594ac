package io.fileintegrity.provider.aide;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real AIDE and the shared bench tools, for differential tests. A missing {@code aide} binary or
 * missing shared folder fails the test with a message (CI installs aide and checks out ../shared).
 */
public final class AideOracle {
    private AideOracle() {}

    /** The shared folder: a {@code shared/} directory above the working directory, or the repo's sibling. */
    public static Path shared() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/tools/aide-bench"))) {
                return p.resolve("shared");
            }
        }
        fail("cannot find the shared folder (shared/tools/aide-bench) above " + System.getProperty("user.dir"));
        return null;
    }

    public static Path tool(String name) {
        return shared().resolve("tools/aide-bench").resolve(name);
    }

    /** Makes a tree with mktree.sh. */
    public static void makeTree(Path dir, int files, int megabytes, int seed) throws IOException {
        Result r = run(List.of("bash", tool("mktree.sh").toString(), Integer.toString(files),
                Integer.toString(megabytes), dir.toString(), Integer.toString(seed)), dir.getParent());
        assertTrue(r.exit() == 0, "mktree.sh failed: " + r.err());
    }

    /** Applies mutate.sh, writing the expected lists to {@code out}. */
    public static void mutate(Path dir, Path out) throws IOException {
        Result r = run(List.of("bash", tool("mutate.sh").toString(), dir.toString(), out.toString()), dir.getParent());
        assertTrue(r.exit() == 0, "mutate.sh failed: " + r.err());
    }

    /** Runs the real aide with arguments. */
    public static Result aide(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(aideBinary());
        cmd.addAll(List.of(args));
        return run(cmd, Path.of("/"));
    }

    private static String aideBinary() {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/bin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "aide"))) {
                return dir + "/aide";
            }
        }
        fail("the real 'aide' (0.18) is not installed; it is the oracle of this test (apt-get install aide)");
        return null;
    }

    public static Result run(List<String> cmd, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("TZ", "UTC");
        Path out = Files.createTempFile("oracle", ".out");
        Path err = Files.createTempFile("oracle", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Exit code, stdout and stderr of a process. */
    public record Result(int exit, String out, String err) {}
}
