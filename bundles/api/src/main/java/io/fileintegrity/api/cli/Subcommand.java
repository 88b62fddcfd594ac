package io.fileintegrity.api.cli;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One subcommand of {@code bin/fio}, such as {@code aide} or {@code ostree}.
 *
 * <p>Register it as an OSGi service with {@value #NAME_PROPERTY} set (use {@link SubcommandName}).
 * {@code fio NAME ARGS...} calls {@link #run} with {@code ARGS} on the launching thread. A subcommand
 * answers {@code --help} with its usage on standard output and exit code 0, prints each error as one
 * line naming the file and problem, and returns a documented exit code. It must not call
 * {@link System#exit}.
 */
@ConsumerType
public interface Subcommand {

    /** Service property with the subcommand's name. */
    String NAME_PROPERTY = "fio.subcommand.name";

    /** One line for {@code fio --help}. */
    String summary();

    /**
     * Runs the subcommand.
     *
     * @return the process exit code
     */
    int run(CommandInvocation invocation);
}
