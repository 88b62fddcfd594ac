package io.fileintegrity.itest.nodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host root of an OSTree node as an agent pod sees it on RHCOS or Fedora CoreOS: the physical root at
 * {@code sysroot/} holding a real deployment ({@code make-repo.sh --sysroot}: {@code ostree init}, a commit of a
 * tree, {@code ostree admin deploy}), {@code /ostree} and {@code /boot} leading into it, and the kernel command
 * line with the deployment's {@code ostree=} argument in {@code proc/cmdline}, from which the provider finds the
 * booted deployment.
 */
final class OstreeHostRoot {

    private OstreeHostRoot() {}

    /** Builds the host root {@code root} (must not exist); fails naming the command when ostree fails. */
    static void create(Path root) throws IOException, InterruptedException {
        Path build = Files.createTempDirectory(root.getParent(), root.getFileName() + "-build-");
        Path out = build.resolve("out");
        run(List.of("bash", SimulationFiles.makeOstreeRepo().toString(), out.toString(), "bare-user", "--sysroot"));
        Files.createDirectories(root);
        Files.move(out.resolve("sysroot"), root.resolve("sysroot"), StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(root.resolve("ostree"), Path.of("sysroot/ostree"));
        Files.createSymbolicLink(root.resolve("boot"), Path.of("sysroot/boot"));
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/cmdline"), "BOOT_IMAGE=(hd0,gpt3)/vmlinuz " + bootOptions(root) + "\n");
        Files.createDirectories(root.resolve("etc/kubernetes"));
        run(List.of("rm", "-rf", build.toString()));
    }

    /** The deployment directory ({@code sysroot/ostree/deploy/fio/deploy/<commit>.0}) of {@code root}. */
    static Path deployment(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("sysroot/ostree/deploy/fio/deploy"))) {
            return dirs.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("no deployment under " + root.resolve("sysroot/ostree/deploy")));
        }
    }

    /**
     * Replaces a deployed file with a new inode holding {@code content}, the way a binary is usually swapped
     * (writing through the hard link would change the repository object itself).
     */
    static void replaceFile(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".swap");
        Files.writeString(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Clears the immutable flag {@code ostree admin deploy} sets on deployment directories, so the host root can
     * be deleted.
     */
    static void makeDeletable(Path root) throws IOException, InterruptedException {
        if (Files.isDirectory(root.resolve("sysroot/ostree/deploy/fio/deploy"))) {
            run(List.of("chattr", "-i", deployment(root).toString()));
        }
    }

    private static String bootOptions(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve("sysroot/boot/loader/entries"))) {
            Path entry = entries.findFirst().orElseThrow(() -> new IOException("no boot loader entry"));
            return Files.readAllLines(entry, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("options "))
                    .map(l -> l.substring("options ".length()).trim()).findFirst()
                    .orElseThrow(() -> new IOException("no options line in " + entry));
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (needs the ostree CLI and root): " + out);
        }
    }
}
