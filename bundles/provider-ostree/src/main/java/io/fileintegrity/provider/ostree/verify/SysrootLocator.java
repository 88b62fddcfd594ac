package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.Checksum;
import io.fileintegrity.provider.ostree.repo.RepositoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the deployment to verify in a sysroot (research/ostree.md §7): the kernel's {@code ostree=}
 * argument resolved under the sysroot, else the default boot loader entry's, else the only deployment.
 */
public final class SysrootLocator {

    private static final Pattern OSTREE_ARG = Pattern.compile("(?:^|\\s)ostree=(\\S+)");
    private static final Pattern DEPLOY_DIR = Pattern.compile("([0-9a-f]{64})\\.(\\d+)");

    private final Path sysroot;
    private final Path kernelCmdline;

    /**
     * @param sysroot the sysroot, e.g. the host root {@code /hostroot} (where {@code ostree} leads to {@code sysroot/ostree})
     * @param kernelCmdline the kernel command line file to consult first, usually {@code /proc/cmdline}
     */
    public SysrootLocator(Path sysroot, Path kernelCmdline) {
        this.sysroot = sysroot;
        this.kernelCmdline = kernelCmdline;
    }

    public Deployment locate() throws RepositoryException {
        if (!Files.isDirectory(sysroot.resolve("ostree/deploy"))) {
            throw new RepositoryException("not an OSTree sysroot: " + sysroot.resolve("ostree/deploy") + " does not exist");
        }
        try {
            Optional<Deployment> found = fromArgument(readCmdline(kernelCmdline), "kernel-cmdline");
            if (found.isEmpty()) {
                found = fromBootLoaderEntries();
            }
            return found.isPresent() ? found.get() : onlyDeployment();
        } catch (IOException e) {
            throw new RepositoryException("cannot find the deployment in " + sysroot + ": " + e.getMessage(), e);
        }
    }

    private Optional<Deployment> fromArgument(Optional<String> cmdline, String foundBy) throws IOException {
        if (cmdline.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = OSTREE_ARG.matcher(cmdline.get());
        if (!matcher.find()) {
            return Optional.empty();
        }
        Path link = sysroot.resolve(matcher.group(1).replaceFirst("^/+", ""));
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        Path target = link.toRealPath();
        if (!target.startsWith(sysroot.toRealPath())) {
            throw new RepositoryException("ostree=" + matcher.group(1) + " leads to " + target + ", outside " + sysroot);
        }
        return Optional.of(deployment(target, foundBy));
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
        return best == null ? Optional.empty() : fromArgument(best.options(), "boot-loader-entry");
    }

    private Deployment onlyDeployment() throws IOException {
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
