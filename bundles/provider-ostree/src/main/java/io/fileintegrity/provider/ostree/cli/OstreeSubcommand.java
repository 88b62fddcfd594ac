package io.fileintegrity.provider.ostree.cli;

import io.fileintegrity.api.ChangeCounts;
import io.fileintegrity.api.Outcome;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.ScanContext;
import io.fileintegrity.api.ScanMode;
import io.fileintegrity.api.ScanOptions;
import io.fileintegrity.api.ScanResult;
import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.api.cli.ProgressLine;
import io.fileintegrity.api.cli.Subcommand;
import io.fileintegrity.api.cli.SubcommandName;
import io.fileintegrity.provider.ostree.OstreeRun;
import io.fileintegrity.provider.ostree.config.OstreeConfig;
import io.fileintegrity.provider.ostree.repo.XattrReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** {@code fio ostree verify ...}: verifies a deployment or checkout; exit codes in AIDE's style. */
@Component(service = Subcommand.class)
@SubcommandName("ostree")
public final class OstreeSubcommand implements Subcommand {

    static final int EXIT_ADDED = 1;
    static final int EXIT_REMOVED = 2;
    static final int EXIT_CHANGED = 4;
    static final int EXIT_USAGE = 15;
    static final int EXIT_CONFIG = 17;
    static final int EXIT_READ = 18;

    static final String USAGE = """
            Usage: fio ostree verify --sysroot DIR [OPTIONS]
                   fio ostree verify --repo DIR --commit CHECKSUM|REF --tree DIR [OPTIONS]
                   fio ostree fsck --repo DIR

            Verifies every file of an OSTree deployment (the booted one of the sysroot) or of a checked-out
            tree against the content checksums of its commit. No baseline: the repository is the source of truth.

            Options:
              --sysroot DIR     sysroot with ostree/deploy and ostree/repo (/ on the host, /hostroot in a pod)
              --repo DIR        repository holding the commit (with --commit and --tree)
              --commit C        commit checksum or ref
              --tree DIR        the tree to verify
              --config FILE     provider configuration (lines: path, ignore, etc, owner, xattrs)
              --path P          verify only this path of the commit (repeatable)
              --ignore GLOB     skip host paths matching GLOB, e.g. /usr/share/doc/** (repeatable)
              --etc POLICY      /etc against the commit's /usr/etc: ignore, info (default, not counted), report
              --no-owner        do not compare uid/gid (trees checked out without ownership)
              --no-xattrs       do not compare extended attributes
              --threads N       hashing threads (default 2)
              --quiet, -q       no progress line
              --help            this text

            Exit codes (AIDE style):
              0   the tree matches the commit
              1   bit set: entries were added
              2   bit set: entries were removed
              4   bit set: entries were changed
              15  invalid arguments
              17  invalid configuration (--config file or option values)
              18  the sysroot, repository, commit, an object or the tree cannot be read (missing or corrupt)

            fio ostree fsck re-verifies every loose object of a repository (commit, dirtree, dirmeta, content)
            and exits like ostree fsck: 0 all intact, 1 corrupt objects (listed), 18 unreadable repository.
            """;

    private final XattrReader xattrs = XattrReader.best();

    @Override
    public String summary() {
        return "verify an OSTree deployment or checkout against its commit (exit codes like aide)";
    }

    @Override
    public int run(CommandInvocation invocation) {
        List<String> args = invocation.args();
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            invocation.out().print(USAGE);
            return args.isEmpty() ? EXIT_USAGE : 0;
        }
        if (args.get(0).equals("fsck")) {
            return FsckCommand.run(invocation, args.subList(1, args.size()), xattrs);
        }
        if (!args.get(0).equals("verify")) {
            invocation.err().println("fio ostree: unknown command '" + args.get(0) + "' (try: fio ostree --help)");
            return EXIT_USAGE;
        }
        try {
            VerifyArguments arguments = VerifyArguments.parse(args.subList(1, args.size()));
            return verify(invocation, arguments, arguments.toConfig(invocation));
        } catch (VerifyArguments.Invalid e) {
            e.getMessage().lines().forEach(line -> invocation.err().println("fio ostree: " + line));
            return e.exitCode;
        }
    }

    private int verify(CommandInvocation invocation, VerifyArguments arguments, OstreeConfig config) {
        ProgressLine progress = ProgressLine.of(invocation, arguments.quiet);
        ScanContext context = new ScanContext(Path.of("/"), new ProviderConfig("command line", ""),
                Path.of(System.getProperty("java.io.tmpdir")), new ScanOptions(arguments.threads, 0, 1000, Map.of()),
                progress, null, null);
        ScanResult result = OstreeRun.execute(ScanMode.CHECK, context, config, xattrs);
        progress.finish();
        if (result.outcome() == Outcome.ERRORED) {
            invocation.err().println("fio ostree: " + result.errorMessage());
            return EXIT_READ;
        }
        invocation.out().print(result.report());
        return exitCode(result.counts());
    }

    static int exitCode(ChangeCounts counts) {
        return (counts.added() > 0 ? EXIT_ADDED : 0) | (counts.removed() > 0 ? EXIT_REMOVED : 0)
                | (counts.changed() > 0 ? EXIT_CHANGED : 0);
    }
}
