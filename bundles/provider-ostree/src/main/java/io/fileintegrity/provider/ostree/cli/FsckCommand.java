package io.fileintegrity.provider.ostree.cli;

import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ostree.repo.OstreeRepository;
import io.fileintegrity.provider.ostree.repo.RepositoryChecker;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import java.io.IOException;
import java.util.List;

/** {@code fio ostree fsck --repo DIR}: re-verifies every loose object, exit codes as {@code ostree fsck}'s (0, 1). */
final class FsckCommand {

    static final int EXIT_CORRUPT = 1;

    private FsckCommand() {}

    static int run(CommandInvocation invocation, List<String> args, XattrReader xattrs) {
        if (args.size() != 2 || !args.get(0).equals("--repo")) {
            invocation.err().println("fio ostree: usage: fio ostree fsck --repo DIR");
            return OstreeSubcommand.EXIT_USAGE;
        }
        try {
            OstreeRepository repository = OstreeRepository.open(invocation.resolve(args.get(1)), xattrs);
            RepositoryChecker.Report report = new RepositoryChecker(repository).check();
            for (RepositoryChecker.Problem problem : report.problems()) {
                invocation.out().println(problem.object() + ": " + problem.message());
            }
            invocation.out().println(report.objects() + " objects checked in " + repository.root() + " ("
                    + repository.mode().configName() + "), " + report.problems().size() + " corrupt");
            return report.problems().isEmpty() ? 0 : EXIT_CORRUPT;
        } catch (IOException e) {
            invocation.err().println("fio ostree: " + e.getMessage());
            return OstreeSubcommand.EXIT_READ;
        }
    }
}
