package io.fileintegrity.api.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a subcommand.
 *
 * @param args the arguments after the subcommand's name
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param workingDirectory the directory {@code fio} was started in; resolve relative paths against it
 * @param terminal whether standard error is a terminal (progress lines are only drawn on one)
 * @param environment the process environment
 */
public record CommandInvocation(
        List<String> args,
        InputStream in,
        PrintStream out,
        PrintStream err,
        Path workingDirectory,
        boolean terminal,
        Map<String, String> environment) {

    public CommandInvocation {
        args = List.copyOf(args);
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
    }

    /** Resolves a path argument against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }
}
