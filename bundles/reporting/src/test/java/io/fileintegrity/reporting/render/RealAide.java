package io.fileintegrity.reporting.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the installed {@code aide} (0.18) on a tiny tree under a temporary directory, with only sha256
 * checked, no summarize strings and no database attributes, so its report can be compared line by line.
 */
final class RealAide {

    private final Path work;
    final Path tree;

    RealAide(Path work) throws IOException {
        this.work = work;
        this.tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(work.resolve("aide.conf"), String.join("\n",
                "database_in=file:" + work.resolve("db.gz"),
                "database_out=file:" + work.resolve("db.new.gz"),
                "database_attrs=E",
                "report_summarize_changes=false",
                tree + "/ sha256", ""));
    }

    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(":")) {
            Path candidate = Path.of(dir, "aide");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "aide"))) {
                return Path.of(dir, "aide");
            }
        }
        return fail("the 'aide' binary is not installed (apt-get install aide); the AIDE golden tests need it");
    }

    /** Builds the database from the tree as it is now. */
    void init() throws Exception {
        run("--init", 0);
        Files.move(work.resolve("db.new.gz"), work.resolve("db.gz"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs a check and returns AIDE's report, asserting its exit code. */
    String check(int expectedExit) throws Exception {
        return run("--check", expectedExit);
    }

    /** Entries AIDE counts for the rule {@code tree/}: everything below the tree, not the tree itself. */
    long entries() throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.count() - 1;
        }
    }

    private String run(String mode, int expectedExit) throws Exception {
        Path output = work.resolve("aide" + mode + ".out");
        Process process = new ProcessBuilder(binary().toString(), mode, "-c", work.resolve("aide.conf").toString())
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("aide " + mode + " did not finish in 60 s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), "aide " + mode + " exit code; output:\n" + text);
        return text;
    }
}
