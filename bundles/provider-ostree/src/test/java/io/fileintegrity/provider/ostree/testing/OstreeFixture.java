package io.fileintegrity.provider.ostree.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds repositories with the shared {@code fixtures/ostree/make-repo.sh} and runs the real
 * {@code ostree} CLI. A missing {@code ostree} binary or shared folder fails the test with a message
 * (CI installs ostree), it never skips.
 */
public final class OstreeFixture {

    /** The fixture commit with ostree 2022.7 (research/ostree.md §9). */
    public static final String COMMIT = "6d9d9b6d54f08de3ba0d3c3392083f0cae8f284ded91f74533ee35ccd39bcdd4";
    public static final String REF = "fio/fixture/x86_64";
    public static final List<String> MODES = List.of("bare", "bare-user", "bare-user-only", "archive");

    private static final java.util.Map<String, Path> TEMPLATES = new java.util.HashMap<>();

    private OstreeFixture() {}

    /**
     * Fills {@code out} as {@code make-repo.sh out mode [--sysroot]} does and returns the commit it printed.
     * The script runs once per mode and JVM; later calls copy its output with {@code cp -a} (hard links kept).
     */
    public static synchronized String makeRepo(Path out, String mode, boolean sysroot) {
        String key = mode + (sysroot ? "+sysroot" : "");
        Path template = TEMPLATES.computeIfAbsent(key, k -> buildTemplate(mode, sysroot));
        run(List.of("cp", "-a", template + "/.", out.toString()));
        try {
            return Files.readString(template.resolve("commit.txt")).trim();
        } catch (IOException e) {
            return fail("cannot read " + template.resolve("commit.txt") + ": " + e);
        }
    }

    private static Path buildTemplate(String mode, boolean sysroot) {
        try {
            Path dir = Files.createTempDirectory("ostree-fixture-" + mode);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeTemplate(dir)));
            List<String> command = new ArrayList<>(List.of("bash", script().toString(), dir.resolve("out").toString(), mode));
            if (sysroot) {
                command.add("--sysroot");
            }
            run(command);
            return dir.resolve("out");
        } catch (IOException e) {
            return fail("cannot create a fixture directory: " + e);
        }
    }

    private static void removeTemplate(Path dir) {
        try {
            makeDeletable(dir.resolve("out/sysroot"));
            execute(List.of("rm", "-rf", dir.toString()));
        } catch (IOException | RuntimeException | AssertionError e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }

    /**
     * Clears the immutable flag {@code ostree admin deploy} puts on deployment directories, so that
     * JUnit can delete the temporary directory: {@code chattr -i} when present, else {@code ostree admin undeploy}.
     */
    public static void makeDeletable(Path sysroot) throws IOException {
        List<Path> deployments = new ArrayList<>();
        Path deploy = sysroot.resolve("ostree/deploy");
        if (Files.isDirectory(deploy)) {
            try (var stream = Files.find(deploy, 3, (p, a) -> a.isDirectory()
                    && p.getParent().getFileName().toString().equals("deploy"))) {
                stream.forEach(deployments::add);
            }
        }
        for (Path dir : deployments) {
            List<String> command = Files.isExecutable(Path.of("/usr/bin/chattr"))
                    ? List.of("/usr/bin/chattr", "-i", dir.toString())
                    : List.of(ostreeBinary(), "admin", "undeploy", "--sysroot=" + sysroot, "0");
            execute(command);
        }
    }

    /**
     * An OS update of a {@code makeRepo(out, mode, true)} sysroot: the fixture OS tree plus the file
     * {@code usr/share/doc/fio/NAME} (and another kernel when asked) committed {@code --bootable} to the sysroot's
     * repository and deployed with {@code ostree admin deploy}, without a reboot. Returns the new commit.
     */
    public static String deployUpdate(Path out, String name, boolean newKernel) throws IOException {
        Path tree = out.resolve("update-" + name);
        run(List.of("cp", "-a", out.resolve("sysroot-tree").toString(), tree.toString()));
        Files.writeString(tree.resolve("usr/share/doc/fio/" + name), name + "\n");
        if (newKernel) {
            Files.writeString(tree.resolve("usr/lib/modules/6.1.0-fio/vmlinuz"), "another kernel " + name + "\n");
        }
        Path sysroot = out.resolve("sysroot");
        String commit = ostree("--repo=" + sysroot.resolve("ostree/repo"), "commit", "--branch=fio/x86_64",
                "--owner-uid=0", "--owner-gid=0", "--no-xattrs", "--bootable", "--subject=" + name, tree.toString()).trim();
        ostree("admin", "deploy", "--sysroot=" + sysroot, "--os=fio", "fio/x86_64");
        return commit;
    }

    /** Runs {@code ostree ARGS...} and returns its standard output; fails the test on a non-zero exit. */
    public static String ostree(String... args) {
        List<String> command = new ArrayList<>(List.of(ostreeBinary()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs {@code ostree ARGS...} and returns the exit code and merged output. */
    public static Execution ostreeAllowingFailure(String... args) {
        List<String> command = new ArrayList<>(List.of(ostreeBinary()));
        command.addAll(List.of(args));
        return execute(command);
    }

    /** An exit code and the merged output. */
    public record Execution(int exitCode, String output) {}

    /** Runs a command and returns its merged output; fails the test on a non-zero exit. */
    public static String run(List<String> command) {
        Execution result = execute(command);
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    private static Execution execute(List<String> command) {
        try {
            Path output = Files.createTempFile("ostree-fixture", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in 120 s");
                }
                return new Execution(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException | InterruptedException e) {
            return fail("cannot run " + String.join(" ", command) + ": " + e);
        }
    }

    private static String ostreeBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "ostree"))) {
                return Path.of(dir, "ostree").toString();
            }
        }
        return fail("the ostree CLI is not installed (apt-get install -y ostree); the differential tests need it");
    }

    /** {@code shared/fixtures/ostree/make-repo.sh}, found above the working directory or beside the repo. */
    public static Path script() {
        ostreeBinary();
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared"), dir.resolveSibling("shared"))) {
                Path script = candidate.resolve("fixtures/ostree/make-repo.sh");
                if (Files.isRegularFile(script)) {
                    return script;
                }
            }
        }
        return fail("shared/fixtures/ostree/make-repo.sh not found above " + System.getProperty("user.dir"));
    }
}
