package io.fileintegrity.provider.aide.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main configuration text, the name used for it in messages, and where included files come from.
 *
 * @param name file path or ConfigMap key, as shown in {@code name:line: problem}
 * @param text the configuration
 * @param files how {@code @@include}/{@code @@x_include}/{@code @@if exists} reach other files
 */
public record ConfigSource(String name, String text, ConfigFiles files) {

    /** A config file on disk; includes resolve against the working directory, as in AIDE. */
    public static ConfigSource ofFile(Path file) throws IOException {
        String text = ConfigBytes.decode(Files.readAllBytes(file));
        return new ConfigSource(file.toString(), text, FileSystemConfigFiles.workingDirectory());
    }

    /** A text without any include files (every {@code @@include} is reported as missing). */
    public static ConfigSource ofText(String name, String text) {
        return new ConfigSource(name, text, MapConfigFiles.empty());
    }
}
