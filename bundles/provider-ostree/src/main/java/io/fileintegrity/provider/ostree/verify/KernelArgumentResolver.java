package io.fileintegrity.provider.ostree.verify;

import io.fileintegrity.provider.ostree.repo.RepositoryException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves the running kernel's {@code ostree=} argument to the deployment it booted, without ever falling over
 * to another deployment. The link is taken as written only while the boot links are the ones the host booted
 * from: {@code ostree/boot.V} exists and was created before the (known) boot time. {@code ostree admin deploy}
 * re-creates the links, under the other boot version or (same boot configuration) under the same one, and
 * renumbers their indexes: index 0 then names the pending deployment when it has the same kernel. So once the
 * links changed, the deployment is the only one of that stateroot with that kernel checksum under either boot
 * version; anything else is an error.
 */
final class KernelArgumentResolver {

    /** A deployment directory (real path) and how it was found. */
    record Resolved(Path directory, String foundBy) {}

    private final Path sysroot;
    private final Optional<Instant> bootTime;

    KernelArgumentResolver(Path sysroot, Optional<Instant> bootTime) {
        this.sysroot = sysroot;
        this.bootTime = bootTime;
    }

    Resolved resolve(String argument) throws IOException, RepositoryException {
        Optional<BootLink> parsed = BootLink.parse(argument);
        if (parsed.isEmpty()) {
            Path link = sysroot.resolve(argument.replaceFirst("^/+", ""));
            if (!Files.exists(link)) {
                throw new RepositoryException("the kernel argument ostree=" + argument + " resolves to nothing under "
                        + sysroot + " and is not a boot link /ostree/boot.V/STATEROOT/BOOTCSUM/INDEX");
            }
            return new Resolved(inside(link, argument), "kernel-cmdline");
        }
        BootLink bootLink = parsed.get();
        if (linksUnchangedSinceBoot(bootLink.bootVersion()) && Files.exists(bootLink.link(sysroot))) {
            return new Resolved(inside(bootLink.link(sysroot), argument), "kernel-cmdline");
        }
        SortedSet<Path> sameKernel = deploymentsWithKernel(bootLink, argument);
        if (sameKernel.size() == 1) {
            return new Resolved(sameKernel.first(), "kernel-cmdline-bootcsum");
        }
        String changed = "the kernel argument ostree=" + argument + " is not a current boot link of " + sysroot
                + " (the boot links changed since boot: ostree admin deploy without a reboot?) and ";
        if (sameKernel.isEmpty()) {
            throw new RepositoryException(changed + "no deployment of stateroot " + bootLink.stateroot()
                    + " has kernel checksum " + bootLink.bootcsum() + " under ostree/boot.0 or ostree/boot.1");
        }
        throw new RepositoryException(changed + sameKernel.size() + " deployments share its kernel checksum, so the"
                + " running one cannot be told from it: " + sameKernel + ". Mount the host's / at the host root"
                + " so that the booted deployment is identified by its device and inode");
    }

    /** {@code ostree/boot.V} exists and was created before the kernel booted (unknown boot time: not trusted). */
    private boolean linksUnchangedSinceBoot(int version) throws IOException {
        Path link = BootLink.versionLink(sysroot, version);
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        FileTime created = Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS);
        return bootTime.isPresent() && created.toInstant().isBefore(bootTime.get());
    }

    private SortedSet<Path> deploymentsWithKernel(BootLink bootLink, String argument)
            throws IOException, RepositoryException {
        SortedSet<Path> found = new TreeSet<>();
        for (int version = 0; version <= 1; version++) {
            Path kernel = bootLink.kernelDirectory(sysroot, version);
            if (!Files.isDirectory(kernel)) {
                continue;
            }
            try (DirectoryStream<Path> links = Files.newDirectoryStream(kernel)) {
                for (Path link : links) {
                    if (Files.isDirectory(link)) {
                        found.add(inside(link, argument));
                    }
                }
            }
        }
        return found;
    }

    private Path inside(Path link, String argument) throws IOException, RepositoryException {
        Path target = link.toRealPath();
        if (!target.startsWith(sysroot.toRealPath())) {
            throw new RepositoryException("ostree=" + argument + " leads to " + target + ", outside " + sysroot);
        }
        return target;
    }
}
