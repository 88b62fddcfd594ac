package io.fileintegrity.provider.ostree.verify;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of the {@code ostree=} kernel argument, {@code /ostree/boot.V/STATEROOT/BOOTCSUM/INDEX}: boot
 * version V (0 or 1), the stateroot, the checksum of the deployment's kernel and initramfs, and the index
 * among the deployments of that boot version sharing that kernel. {@code ostree admin deploy} re-creates these
 * links under the other boot version and renumbers the index, so an index names a deployment only as long as
 * the links it was booted from are unchanged.
 */
record BootLink(int bootVersion, String stateroot, String bootcsum, int index) {

    private static final Pattern FORM = Pattern.compile("/*ostree/boot\\.([01])/([^/]+)/([0-9a-f]{64})/(\\d{1,9})/*");

    static Optional<BootLink> parse(String argument) {
        Matcher matcher = FORM.matcher(argument);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BootLink(Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3),
                Integer.parseInt(matcher.group(4))));
    }

    /** {@code ostree/boot.V} of the sysroot: a symlink to {@code boot.V.0} or {@code boot.V.1}. */
    static Path versionLink(Path sysroot, int version) {
        return sysroot.resolve("ostree/boot." + version);
    }

    /** The directory holding one link per deployment with this stateroot and kernel, under boot version {@code version}. */
    Path kernelDirectory(Path sysroot, int version) {
        return versionLink(sysroot, version).resolve(stateroot).resolve(bootcsum);
    }

    /** The link exactly as written on the command line. */
    Path link(Path sysroot) {
        return kernelDirectory(sysroot, bootVersion).resolve(Integer.toString(index));
    }
}
