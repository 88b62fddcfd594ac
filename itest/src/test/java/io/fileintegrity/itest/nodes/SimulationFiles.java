package io.fileintegrity.itest.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the simulation finds the built distribution, the operator's manifests, {@code mktree.sh} of the shared
 * folder, and where it writes its logs. ({@code io.fileintegrity.itest.k8s.RepositoryFiles} has the same
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
        Path tool = Path.of("shared/tools/aide-bench/mktree.sh");
        for (Path dir = itest(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(tool))) {
                return dir.resolve(tool);
            }
        }
        throw new IllegalStateException("cannot find " + tool + " in a folder above " + itest());
    }

    /** A fresh folder under {@code itest/target/e2e-nodes/} for one process's output. */
    static Path logDirectory(String name) throws IOException {
        return Files.createDirectories(itest().resolve("target/e2e-nodes").resolve(name));
    }
}
