package io.fileintegrity.itest.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the simulation finds the built distribution, the operator's manifests, the shared folder's tools, the
 * IMA capture, and where it writes its logs. ({@code io.fileintegrity.itest.k8s.RepositoryFiles} has the same
 * look-ups but is package-private.)
 */
final class SimulationFiles {

    private SimulationFiles() {}

    /** The itest module folder (failsafe runs in it). */
    static Path itest() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate : List.of(dir, dir.resolve("itest"))) {
            if (Files.isRegularFile(candidate.resolve("k8s/apiserver.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find k8s/apiserver.sh from " + dir);
    }

    /** {@code bin/fio} of the built distribution. */
    static Path fio() {
        Path home = Path.of(System.getProperty("fio.dist", itest().resolveSibling("distribution/target/fio").toString()));
        Path fio = home.toAbsolutePath().normalize().resolve("bin/fio");
        if (!Files.isExecutable(fio)) {
            throw new IllegalStateException("the distribution is not built (no executable " + fio
                    + "): cd <repo> && mvn -B -o install -DskipTests -pl distribution");
        }
        return fio;
    }

    /** The Kubernetes manifests of {@code bundles/k8s-bridge}: numbered files, CRDs in {@code crds/}. */
    static Path manifests() {
        Path dir = itest().resolveSibling("bundles").resolve("k8s-bridge/src/main/k8s");
        if (!Files.isDirectory(dir.resolve("crds"))) {
            throw new IllegalStateException("no manifests with a crds/ folder in " + dir);
        }
        return dir;
    }

    /** {@code shared/tools/aide-bench/mktree.sh}: in a folder above the repository, or its sibling {@code ../shared}. */
    static Path mktree() {
        return shared("tools/aide-bench/mktree.sh");
    }

    private static Path shared(String relative) {
        Path tool = Path.of("shared").resolve(relative);
        for (Path dir = itest(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(tool))) {
                return dir.resolve(tool);
            }
        }
        throw new IllegalStateException("cannot find " + tool + " in a folder above " + itest());
    }

    /** {@code shared/fixtures/ostree/make-repo.sh}: builds a repository and, with {@code --sysroot}, a deployment. */
    static Path makeOstreeRepo() {
        return shared("fixtures/ostree/make-repo.sh");
    }

    /**
     * A real kernel's IMA capture (ima-ng template, four TPM banks) kept by provider-ima's tests:
     * {@code binary_runtime_measurements} and {@code pcrs-<bank>.txt}.
     */
    static Path imaCapture() {
        Path dir = itest().resolveSibling("bundles")
                .resolve("provider-ima/src/test/resources/io/fileintegrity/provider/ima/kernel/ima-ng");
        if (!Files.isRegularFile(dir.resolve("binary_runtime_measurements"))) {
            throw new IllegalStateException("no IMA capture in " + dir);
        }
        return dir;
    }

    /** A fresh folder under {@code itest/target/e2e-nodes/} for one process's output. */
    static Path logDirectory(String name) throws IOException {
        return Files.createDirectories(itest().resolve("target/e2e-nodes").resolve(name));
    }

    /** Deletes {@code root} and everything under it (children first), as far as it can. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
