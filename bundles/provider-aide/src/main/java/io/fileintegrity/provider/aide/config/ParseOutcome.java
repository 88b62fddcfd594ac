package io.fileintegrity.provider.aide.config;

import io.fileintegrity.api.ConfigProblem;
import java.util.List;

/**
 * The result of reading a configuration.
 *
 * @param config everything that could be evaluated; only trustworthy when {@link #ok()}
 * @param problems every error, in reading order, each as {@code source:line: message}
 * @param warnings notices AIDE would log (deprecations, ignored redefinitions, dropped hashes)
 * @param exitCode AIDE's exit code for the first error: 0 none, 17 config error, 18 config not readable,
 *        20 an {@code @@x_include} program failed
 */
public record ParseOutcome(AideConfig config, List<ConfigProblem> problems, List<ConfigProblem> warnings,
        int exitCode) {

    public ParseOutcome {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** True if there were no errors. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
