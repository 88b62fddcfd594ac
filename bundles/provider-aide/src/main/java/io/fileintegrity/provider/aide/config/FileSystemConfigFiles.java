package io.fileintegrity.provider.aide.config;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Include files on the local file system. Relative paths are resolved against a base directory (AIDE
 * resolves them against its working directory). Executed includes are killed after a time limit.
 */
public final class FileSystemConfigFiles implements ConfigFiles {

    /** C {@code alphasort} in the C locale: unsigned byte order of the UTF-8 names. */
    static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final Path base;
    private final Duration execTimeout;

    /**
     * @param base directory against which relative include paths are resolved
     * @param execTimeout how long an {@code @@x_include} program may run
     */
    public FileSystemConfigFiles(Path base, Duration execTimeout) {
        this.base = base;
        this.execTimeout = execTimeout;
    }

    /** Relative paths against the process working directory, 60 s per executed include. */
    public static FileSystemConfigFiles workingDirectory() {
        return new FileSystemConfigFiles(Path.of("").toAbsolutePath(), Duration.ofSeconds(60));
    }

    /** A path Java cannot represent (a NUL, bytes that are not UTF-8) cannot name an existing file here. */
    private Path resolve(String path) throws IOException {
        try {
            return base.resolve(path);
        } catch (InvalidPathException e) {
            throw new NoSuchFileException(path, null, e.getReason());
        }
    }

    @Override
    public Kind kind(String path) {
        Path p;
        try {
            p = resolve(path);
        } catch (IOException e) {
            return Kind.MISSING;
        }
        if (Files.isRegularFile(p)) {
            return Kind.REGULAR;
        }
        if (Files.isDirectory(p)) {
            return Kind.DIRECTORY;
        }
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Kind.OTHER : Kind.MISSING;
    }

    @Override
    public String read(String path) throws IOException {
        return ConfigBytes.decode(Files.readAllBytes(resolve(path)));
    }

    @Override
    public List<String> list(String directory) throws IOException {
        try (Stream<Path> entries = Files.list(resolve(directory))) {
            return entries.map(p -> p.getFileName().toString()).sorted(BYTE_ORDER).toList();
        }
    }

    @Override
    public boolean isExecutable(String path) {
        try {
            return Files.getPosixFilePermissions(resolve(path)).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public String executionRefusal(String path) {
        try {
            PosixFileAttributes a = Files.readAttributes(resolve(path), PosixFileAttributes.class);
            String owner = a.owner().getName();
            boolean ownerOk = owner.equals("root") || owner.equals(System.getProperty("user.name"));
            boolean writable = a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                    || a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
            return ownerOk && !writable ? null
                    : "bad ownership or modes for '" + path + "' (please ensure it is neither group- nor "
                            + "world-writable and owned by the current user or root)";
        } catch (IOException | UnsupportedOperationException e) {
            return "stat for '" + path + "' failed: " + e.getMessage();
        }
    }

    @Override
    public ExecResult execute(String path, Map<String, String> environment) throws IOException {
        File out = File.createTempFile("aide-x-include", ".out");
        File err = File.createTempFile("aide-x-include", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(resolve(path).toString()).directory(base.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out).redirectError(err);
            environment.forEach(pb.environment()::putIfAbsent);
            Process process = pb.start();
            if (!process.waitFor(execTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("execution of '" + path + "' timed out after " + execTimeout.toSeconds() + " s");
            }
            return new ExecResult(process.exitValue(), ConfigBytes.decode(Files.readAllBytes(out.toPath())),
                    ConfigBytes.decode(Files.readAllBytes(err.toPath())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running '" + path + "'", e);
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }
}
