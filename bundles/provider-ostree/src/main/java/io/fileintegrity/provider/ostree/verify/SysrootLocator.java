package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the deployment to verify in a sysroot (research/ostree.md §7), the running one first and as OSTree
 * itself does: the deployment directory that is the host root (same {@code st_dev}/{@code st_ino}: on a booted
 * host {@code /} is a bind mount of it), else the one the kernel's {@code ostree=} argument booted
 * ({@link KernelArgumentResolver}; an argument that names no deployment is an error, never a fallback), and
 * only without that argument the default boot loader entry's, else the only deployment.
 */
public final class SysrootLocator {

    private static final Pattern OSTREE_ARG = Pattern.compile("(?:^|\\s)ostree=(\\S+)");
    private static final Pattern DEPLOY_DIR = Pattern.compile("([0-9a-f]{64})\\.(\\d+)");

    private final Path sysroot;
    private final Path hostRoot;
    private final Path kernelCmdline;
    private final KernelArgumentResolver arguments;

    /**
     * @param sysroot the sysroot, e.g. the host root {@code /hostroot} (where {@code ostree} leads to {@code sysroot/ostree})
     * @param hostRoot the host's {@code /} as this process sees it, compared with every deployment directory
     * @param kernelCmdline the kernel command line file, usually {@code /proc/cmdline}; may be absent
     * @param bootTime when the host booted; boot links re-created later are not trusted to name the running deployment
     */
    public SysrootLocator(Path sysroot, Path hostRoot, Path kernelCmdline, Optional<Instant> bootTime) {
        this.sysroot = sysroot;
        this.hostRoot = hostRoot;
        this.kernelCmdline = kernelCmdline;
        this.arguments = new KernelArgumentResolver(sysroot, bootTime);
    }

    public Deployment locate() throws RepositoryException {
        if (!Files.isDirectory(sysroot.resolve("ostree/deploy"))) {
            throw new RepositoryException("not an OSTree sysroot: " + sysroot.resolve("ostree/deploy") + " does not exist");
        }
        try {
            List<Path> deployments = deploymentDirectories();
            Optional<Path> hostRootDeployment = sameInodeAsHostRoot(deployments);
            if (hostRootDeployment.isPresent()) {
                return deployment(hostRootDeployment.get().toRealPath(), "host-root-inode");
            }
            Optional<String> argument = ostreeArgument(readCmdline(kernelCmdline));
            if (argument.isPresent()) {
                KernelArgumentResolver.Resolved booted = arguments.resolve(argument.get());
                return deployment(booted.directory(), booted.foundBy());
            }
            Optional<Deployment> found = fromBootLoaderEntries();
            return found.isPresent() ? found.get() : onlyDeployment(deployments);
        } catch (IOException e) {
            throw new RepositoryException("cannot find the deployment in " + sysroot + ": " + e.getMessage(), e);
        }
    }

    private Optional<Path> sameInodeAsHostRoot(List<Path> deployments) throws IOException {
        Optional<Object> root = fileKey(hostRoot);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        for (Path directory : deployments) {
            if (root.equals(fileKey(directory))) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    /** {@code st_dev} and {@code st_ino} (links followed, as ostree stats {@code /}), empty when there is nothing. */
    private static Optional<Object> fileKey(Path path) throws IOException {
        if (path == null || !Files.exists(path)) {
            return Optional.empty();
        }
        Map<String, Object> stat = Files.readAttributes(path, "unix:dev,ino");
        return Optional.of(List.of(stat.get("dev"), stat.get("ino")));
    }

    private static Optional<String> ostreeArgument(Optional<String> options) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = OSTREE_ARG.matcher(options.get());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A boot loader entry's {@code ostree=}, a link of the current boot version, taken as written. */
    private Optional<Deployment> fromEntryOptions(Optional<String> options) throws IOException {
        Optional<String> argument = ostreeArgument(options);
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        Path link = sysroot.resolve(argument.get().replaceFirst("^/+", ""));
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        Path target = link.toRealPath();
        if (!target.startsWith(sysroot.toRealPath())) {
            throw new RepositoryException("ostree=" + argument.get() + " leads to " + target + ", outside " + sysroot);
        }
        return Optional.of(deployment(target, "boot-loader-entry"));
    }

    private Optional<Deployment> fromBootLoaderEntries() throws IOException {
        Path entries = sysroot.resolve("boot/loader/entries");
        if (!Files.isDirectory(entries)) {
            return Optional.empty();
        }
        BootEntry best = null;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(entries, "*.conf")) {
            for (Path file : stream) {
                BootEntry entry = BootEntry.read(file);
                if (entry.options().isPresent() && (best == null || entry.isNewerThan(best))) {
                    best = entry;
                }
            }
        }
        return best == null ? Optional.empty() : fromEntryOptions(best.options());
    }

    private List<Path> deploymentDirectories() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stateroots = Files.newDirectoryStream(sysroot.resolve("ostree/deploy"))) {
            for (Path stateroot : stateroots) {
                Path deploy = stateroot.resolve("deploy");
                if (Files.isDirectory(deploy)) {
                    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(deploy)) {
                        dirs.forEach(d -> {
                            if (Files.isDirectory(d) && DEPLOY_DIR.matcher(d.getFileName().toString()).matches()) {
                                found.add(d);
                            }
                        });
                    }
                }
            }
        }
        return found;
    }

    private Deployment onlyDeployment(List<Path> found) throws IOException {
        if (found.size() != 1) {
            throw new RepositoryException(found.size() + " deployments in " + sysroot.resolve("ostree/deploy")
                    + " and no ostree= boot argument to choose one" + (found.isEmpty() ? "" : ": " + found));
        }
        return deployment(found.get(0).toRealPath(), "only-deployment");
    }

    private Deployment deployment(Path directory, String foundBy) throws IOException {
        Matcher name = DEPLOY_DIR.matcher(directory.getFileName().toString());
        Path deploy = directory.getParent();
        if (!name.matches() || deploy == null || !deploy.getFileName().toString().equals("deploy")
                || deploy.getParent() == null) {
            throw new RepositoryException("boot argument leads to " + directory + ", not a deployment directory"
                    + " (ostree/deploy/STATEROOT/deploy/CHECKSUM.SERIAL)");
        }
        Path origin = directory.resolveSibling(directory.getFileName() + ".origin");
        return new Deployment(sysroot.resolve("ostree/repo"), deploy.getParent().getFileName().toString(),
                new Checksum(name.group(1)), Integer.parseInt(name.group(2)), directory, refspec(origin), foundBy);
    }

    private static Optional<String> refspec(Path origin) throws IOException {
        if (!Files.isRegularFile(origin)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(origin, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("refspec=")) {
                return Optional.of(trimmed.substring("refspec=".length()).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> readCmdline(Path file) throws IOException {
        return file != null && Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
    }
}
