package io.fileintegrity.provider.aide.config;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * How the parser reaches files named by {@code @@include}, {@code @@x_include} and {@code @@if exists}.
 * {@link FileSystemConfigFiles} reads the local file system the way AIDE does;
 * {@link MapConfigFiles} serves in-memory texts (a ConfigMap's keys). Implementations must not block
 * indefinitely; {@link #execute} must enforce its own time limit.
 */
public interface ConfigFiles {

    /** What a path is. */
    enum Kind { REGULAR, DIRECTORY, MISSING, OTHER }

    /** Output of an executed {@code @@x_include} program. */
    record ExecResult(int exitCode, String stdout, String stderr) {
    }

    /** The kind of {@code path}, following symlinks (AIDE uses {@code stat}). */
    Kind kind(String path);

    /** The whole text of a regular file. */
    String read(String path) throws IOException;

    /** Entry names of a directory, without {@code .} and {@code ..}, sorted by byte value (C {@code alphasort}). */
    List<String> list(String directory) throws IOException;

    /** True if the owner-execute bit is set ({@code @@x_include} then runs the file). */
    boolean isExecutable(String path);

    /**
     * Why {@code path} must not be executed, or null if it may: it must be owned by the current user or
     * root and be neither group- nor world-writable.
     */
    String executionRefusal(String path);

    /** Runs {@code path} with {@code environment} added; stdout is parsed as configuration. */
    ExecResult execute(String path, Map<String, String> environment) throws IOException;
}
