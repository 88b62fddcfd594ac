package io.fileintegrity.provider.ostree.cli;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.api.ProviderConfig;
import io.fileintegrity.api.cli.CommandInvocation;
import io.fileintegrity.provider.ostree.config.OstreeConfig;
import io.fileintegrity.provider.ostree.config.OstreeConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of {@code fio ostree verify}, turned into an {@link OstreeConfig}. */
final class VerifyArguments {

    /** A usage error (exit 15) or a configuration error (exit 17), with its message. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Invalid(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    private String sysroot;
    private String repo;
    private String commit;
    private String tree;
    private String config;
    private String etc;
    private final List<String> paths = new ArrayList<>();
    private final List<String> ignore = new ArrayList<>();
    private boolean noOwner;
    private boolean noXattrs;
    int threads = 2;
    boolean quiet;

    static VerifyArguments parse(List<String> args) throws Invalid {
        VerifyArguments parsed = new VerifyArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--no-owner" -> parsed.noOwner = true;
                case "--no-xattrs" -> parsed.noXattrs = true;
                case "--quiet", "-q" -> parsed.quiet = true;
                default -> parsed.option(arg, ++i < args.size() ? args.get(i) : null);
            }
        }
        return parsed;
    }

    private void option(String name, String value) throws Invalid {
        if (value == null) {
            throw new Invalid(OstreeSubcommand.EXIT_USAGE, name + " needs a value");
        }
        switch (name) {
            case "--sysroot" -> sysroot = value;
            case "--repo" -> repo = value;
            case "--commit" -> commit = value;
            case "--tree" -> tree = value;
            case "--config" -> config = value;
            case "--etc" -> etc = value;
            case "--path" -> paths.add(value);
            case "--ignore" -> ignore.add(value);
            case "--threads" -> threads = threads(value);
            default -> throw new Invalid(OstreeSubcommand.EXIT_USAGE, "unknown option " + name);
        }
    }

    private static int threads(String value) throws Invalid {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new Invalid(OstreeSubcommand.EXIT_USAGE, "--threads needs a number from 1 to 256, not '" + value + "'");
    }

    /** The configuration: the --config file (if any), then the options, as one validated text. */
    OstreeConfig toConfig(CommandInvocation invocation) throws Invalid {
        boolean explicit = repo != null || commit != null || tree != null;
        if (explicit == (sysroot != null)) {
            throw new Invalid(OstreeSubcommand.EXIT_USAGE,
                    "give either --sysroot DIR or all of --repo DIR --commit CHECKSUM --tree DIR");
        }
        if (explicit && (repo == null || commit == null || tree == null)) {
            throw new Invalid(OstreeSubcommand.EXIT_USAGE, "--repo, --commit and --tree go together");
        }
        StringBuilder text = new StringBuilder(configFile(invocation)).append('\n');
        appendOptions(text);
        appendTarget(text, invocation, explicit);
        OstreeConfigParser.Parsed parsed = OstreeConfigParser.parse(new ProviderConfig(source(), text.toString()));
        if (!parsed.problems().isEmpty()) {
            throw new Invalid(OstreeSubcommand.EXIT_CONFIG, String.join("\n",
                    parsed.problems().stream().map(ConfigProblem::toString).toList()));
        }
        return parsed.config();
    }

    /** The options as config lines, after the --config file's lines (so single-valued ones clash with a line number). */
    private void appendOptions(StringBuilder text) {
        paths.forEach(p -> text.append("path ").append(p).append('\n'));
        ignore.forEach(p -> text.append("ignore ").append(p).append('\n'));
        Optional.ofNullable(etc).ifPresent(e -> text.append("etc ").append(e).append('\n'));
        if (noOwner) {
            text.append("owner ignore\n");
        }
        if (noXattrs) {
            text.append("xattrs ignore\n");
        }
    }

    private void appendTarget(StringBuilder text, CommandInvocation invocation, boolean explicit) {
        if (explicit) {
            text.append("repo ").append(invocation.resolve(repo).toAbsolutePath().normalize()).append('\n')
                    .append("commit ").append(commit).append('\n')
                    .append("tree ").append(invocation.resolve(tree).toAbsolutePath().normalize()).append('\n');
        } else {
            text.append("sysroot ").append(invocation.resolve(sysroot).toAbsolutePath().normalize()).append('\n');
        }
    }

    private String source() {
        return config != null ? config + " + command line" : "command line";
    }

    private String configFile(CommandInvocation invocation) throws Invalid {
        if (config == null) {
            return "";
        }
        Path file = invocation.resolve(config);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new Invalid(OstreeSubcommand.EXIT_CONFIG, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
