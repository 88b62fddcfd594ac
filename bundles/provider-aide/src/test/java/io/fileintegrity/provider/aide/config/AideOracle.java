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

    private static final java.util.regex.Pattern RULE_LINE =
            java.util.regex.Pattern.compile("^\\s*RULE: [^']*'(.*)' \\((.*)\\)$");
    /** Non-approved hashes AIDE keeps in R and H and we leave out (our FIPS-only build, see GroupTable). */
    private static final java.util.regex.Pattern LEGACY_HASH =
            java.util.regex.Pattern.compile("(md5|sha1|rmd160|tiger|crc32b|crc32|haval|gost|whirlpool)\\+");

    /** The rules of AIDE's {@code -L rule} tree dump as {@code rule @ source:line: 'text'}, sorted. */
    static List<String> ruleDump(String log) {
        List<String> rules = new ArrayList<>();
        for (String line : log.split("\n")) {
            java.util.regex.Matcher m = RULE_LINE.matcher(line);
            if (m.matches()) {
                rules.add(withoutLegacyHashes(m.group(1)) + " @ " + m.group(2));
            }
        }
        rules.sort(null);
        return rules;
    }

    /** Our rules in the same form as {@link #ruleDump}. */
    static List<String> ruleDump(AideConfig config) {
        List<String> rules = new ArrayList<>();
        for (Rule r : config.rules()) {
            String attrs = r.type() == RuleType.NEGATIVE ? "" : " " + (r.attributes().isEmpty() ? ""
                    : r.attributes().toConfigExpression());
            String prefix = r.prefix() == null ? "" : "', prefix: '" + r.prefix();
            rules.add(r.type().prefix() + r.regex() + " " + r.restrictionText() + attrs + " @ " + r.source() + ":"
                    + r.line() + ": '" + r.lineText() + prefix + "'");
        }
        rules.sort(null);
        return rules;
    }

    static String withoutLegacyHashes(String aideText) {
        return LEGACY_HASH.matcher(aideText).replaceAll("");
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
