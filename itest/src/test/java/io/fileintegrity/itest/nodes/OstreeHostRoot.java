package io.fileintegrity.itest.nodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host root of an OSTree node as an agent pod sees it on RHCOS or Fedora CoreOS: the physical root at
 * {@code sysroot/} holding a real deployment ({@code make-repo.sh --sysroot}: {@code ostree init}, a commit of a
 * tree, {@code ostree admin deploy}), {@code /ostree} and {@code /boot} leading into it, and the kernel command
 * line with the deployment's {@code ostree=} argument in {@code proc/cmdline}, from which the provider finds the
 * booted deployment. {@link #update} and {@link #reboot} play an OS update.
 */
final class OstreeHostRoot {

    private OstreeHostRoot() {}

    /** Builds the host root {@code root} (must not exist); fails naming the command when ostree fails. */
    static Path create(Path root) throws IOException, InterruptedException {
        Path build = Files.createTempDirectory(root.getParent(), root.getFileName() + "-build-");
        Path out = build.resolve("out");
        run(List.of("bash", SimulationFiles.makeOstreeRepo().toString(), out.toString(), "bare-user", "--sysroot"));
        Files.createDirectories(root);
        Files.move(out.resolve("sysroot"), root.resolve("sysroot"), StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(root.resolve("ostree"), Path.of("sysroot/ostree"));
        Files.createSymbolicLink(root.resolve("boot"), Path.of("sysroot/boot"));
        Files.createDirectories(root.resolve("proc"));
        reboot(root);
        Files.createDirectories(root.resolve("etc/kubernetes"));
        run(List.of("rm", "-rf", build.toString()));
        return root;
    }

    /** The booted deployment directory ({@code sysroot/ostree/deploy/fio/deploy/<commit>.<serial>}) of {@code root}. */
    static Path deployment(Path root) throws IOException {
        String cmdline = Files.readString(root.resolve("proc/cmdline"));
        String link = cmdline.replaceFirst("(?s).*\\sostree=(\\S+).*", "$1");
        return root.resolve(link.substring(1)).toRealPath();
    }

    /**
     * An OS update as rpm-ostree makes one: the booted commit checked out (copies, never the repository's hard
     * links), {@code usr/bin/hello} given new content and a library added, committed as the next version of the
     * ref and deployed with {@code ostree admin deploy} (the old deployment stays as the rollback). Takes effect at
     * {@link #reboot}.
     */
    static void update(Path root) throws IOException, InterruptedException {
        Path sysroot = root.resolve("sysroot");
        Path tree = Files.createTempDirectory(root.getParent(), "ostree-update-");
        Files.delete(tree);
        String repo = "--repo=" + sysroot.resolve("ostree/repo");
        run(List.of("ostree", repo, "checkout", "--force-copy", "fio/x86_64", tree.toString()));
        Files.writeString(tree.resolve("usr/bin/hello"), "#!/bin/sh\necho hello from version 2\n");
        Files.writeString(tree.resolve("usr/lib/libfio.so.2"), "fio fixture library 2\n");
        run(List.of("ostree", repo, "commit", "--branch=fio/x86_64", "--subject=fio fixture os 2",
                "--owner-uid=0", "--owner-gid=0", "--no-xattrs", "--bootable", tree.toString()));
        run(List.of("ostree", "admin", "deploy", "--sysroot=" + sysroot, "--os=fio", "--karg=root=LABEL=fio",
                "fio/x86_64"));
        run(List.of("rm", "-rf", tree.toString()));
    }

    /**
     * The node boots the default boot loader entry: its {@code ostree=} argument lands in {@code proc/cmdline} and
     * the boot time in {@code proc/stat} ({@code btime}, whole seconds) is later than every boot link, which is how
     * the provider tells links made before the boot from those of a deploy that awaits its reboot.
     */
    static void reboot(Path root) throws IOException, InterruptedException {
        Thread.sleep(1_100);
        Files.writeString(root.resolve("proc/stat"), "btime " + Instant.now().getEpochSecond() + "\n");
        Files.writeString(root.resolve("proc/cmdline"), "BOOT_IMAGE=(hd0,gpt3)/vmlinuz " + bootOptions(root) + "\n");
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
        Path deploy = root.resolve("sysroot/ostree/deploy/fio/deploy");
        if (Files.isDirectory(deploy)) {
            try (Stream<Path> dirs = Files.list(deploy)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    run(List.of("chattr", "-i", dir.toString()));
                }
            }
        }
    }

    /** The {@code options} of the boot loader entry with the highest {@code version} (the default one). */
    private static String bootOptions(Path root) throws IOException {
        String best = null;
        long bestVersion = -1;
        try (Stream<Path> entries = Files.list(root.resolve("sysroot/boot/loader/entries"))) {
            for (Path entry : entries.toList()) {
                List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
                long version = lines.stream().filter(l -> l.startsWith("version ")).mapToLong(
                        l -> Long.parseLong(l.substring("version ".length()).trim())).findFirst().orElse(-1);
                String options = lines.stream().filter(l -> l.startsWith("options "))
                        .map(l -> l.substring("options ".length()).trim()).findFirst().orElse(null);
                if (options != null && version > bestVersion) {
                    best = options;
                    bestVersion = version;
                }
            }
        }
        if (best == null) {
            throw new IOException("no boot loader entry with options in " + root.resolve("sysroot/boot/loader/entries"));
        }
        return best;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (needs the ostree CLI and root): " + out);
        }
    }
}
