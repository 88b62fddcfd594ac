package io.fileintegrity.provider.aide.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code fio aide} without the OSGi launcher ({@code java -cp ... AideMain ARGS}), for benchmarks
 * and for machines without {@code bin/fio}.
 */
public final class AideMain {
    private AideMain() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        CommandInvocation invocation = new CommandInvocation(List.of(args), System.in, out, System.err,
                Path.of("").toAbsolutePath(), System.console() != null, System.getenv());
        int code = new AideCommand().run(invocation);
        out.flush();
        System.exit(code);
    }
}
