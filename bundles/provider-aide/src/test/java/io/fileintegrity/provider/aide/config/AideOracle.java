package io.fileintegrity.provider.aide.config;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real AIDE 0.18 binary (installed in CI by {@code apt-get install aide}) as the reference. */
final class AideOracle {

    /** Exit code and standard output/error of one aide run. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private AideOracle() {
    }

    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(":")) {
            Path p = Path.of(dir, "aide");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path sbin = Path.of("/usr/bin/aide");
        if (!Files.isExecutable(sbin)) {
            fail("the real 'aide' binary is required for differential tests: apt-get install -y aide");
        }
        return sbin;
    }

    /** {@code aide --config-check -c config}. */
    static Run configCheck(Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("--config-check", "-c", config.toString()));
        args.addAll(List.of(extra));
        return run(config.getParent(), args);
    }

    /** {@code aide -p type:path -c config}: exit 0 selected, 1 not, 2 outside limit; one line on stdout. */
    static Run pathCheck(Path config, FileType type, String path) {
        return run(config.getParent(), List.of("-p", type.letter() + ":" + path, "-c", config.toString()));
    }

    static Run run(Path workingDirectory, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile("aide-oracle", ".out");
            Path err = Files.createTempFile("aide-oracle", ".err");
            try {
                Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("aide did not finish within 30 s: " + command);
                }
                // AIDE may print stray bytes (e.g. freed line buffers): decode leniently
                return new Run(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                        new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
