package io.fileintegrity.provider.ostree;

import io.fileintegrity.provider.ostree.config.OstreeConfig;
import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import io.fileintegrity.provider.ostree.verify.Deployment;
import io.fileintegrity.provider.ostree.verify.HostBootTime;
import io.fileintegrity.provider.ostree.verify.SysrootLocator;
import io.fileintegrity.provider.ostree.verify.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The tree, commit and repository one run verifies, found from a sysroot or given explicitly.
 *
 * @param target what the verification reads
 * @param ref the ref the tree follows (origin refspec or the ref given), when known
 * @param deployment the deployment, when found in a sysroot
 * @param shownTree the tree as a host path, for reports
 */
public record ResolvedTarget(Verification.Target target, Optional<String> ref, Optional<Deployment> deployment,
        String shownTree) {

    /** Resolves a configuration against a host root. */
    public static ResolvedTarget resolve(Path hostRoot, OstreeConfig config, XattrReader xattrs) throws RepositoryException {
        if (config.explicit().isPresent()) {
            OstreeConfig.ExplicitTarget explicit = config.explicit().get();
            return explicit(under(hostRoot, explicit.repository()), explicit.commit(), under(hostRoot, explicit.tree()),
                    explicit.tree(), xattrs);
        }
        Path sysroot = under(hostRoot, config.sysroot());
        // The kernel command line and boot time of one kernel: the host's proc (mounted under the host root in
        // the pod, or a simulated one), else this process's, which is the host's kernel too.
        Path proc = Files.isReadable(hostRoot.resolve("proc/cmdline")) ? hostRoot.resolve("proc") : Path.of("/proc");
        Deployment deployment = new SysrootLocator(sysroot, hostRoot, proc.resolve("cmdline"),
                HostBootTime.read(proc)).locate();
        return new ResolvedTarget(new Verification.Target(deployment.repository(), deployment.commit(),
                deployment.directory(), true), deployment.refspec(), Optional.of(deployment),
                shown(hostRoot, deployment.directory()));
    }

    /** A tree verified against {@code commit} (checksum or ref) of the repository at {@code repository}. */
    public static ResolvedTarget explicit(Path repository, String commit, Path tree, String shownTree,
            XattrReader xattrs) throws RepositoryException {
        if (!Files.isDirectory(tree)) {
            throw new RepositoryException("tree " + tree + " is not a directory");
        }
        Checksum checksum = OstreeRepository.open(repository, xattrs).resolve(commit);
        Optional<String> ref = Checksum.isChecksum(commit) ? Optional.empty() : Optional.of(commit);
        return new ResolvedTarget(new Verification.Target(repository, checksum, tree), ref, Optional.empty(), shownTree);
    }

    private static Path under(Path hostRoot, String absolute) {
        String relative = absolute.replaceFirst("^/+", "");
        return relative.isEmpty() ? hostRoot : hostRoot.resolve(relative);
    }

    private static String shown(Path hostRoot, Path path) {
        Path real;
        try {
            real = hostRoot.toRealPath();
        } catch (java.io.IOException e) {
            real = hostRoot;
        }
        return path.startsWith(real) ? "/" + real.relativize(path) : path.toString();
    }
}
