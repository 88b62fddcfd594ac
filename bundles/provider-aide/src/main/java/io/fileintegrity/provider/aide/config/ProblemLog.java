package io.fileintegrity.provider.aide.config;

import io.fileintegrity.api.ConfigProblem;
import io.fileintegrity.provider.aide.config.Statement.Origin;
import java.util.ArrayList;
import java.util.List;

/** Collects errors (with the AIDE exit code of the first one) and warnings while a config is read. */
final class ProblemLog {

    /** AIDE's INVALID_CONFIGURELINE_ERROR. */
    static final int CONFIG_ERROR = 17;
    /** AIDE's IO_ERROR: the config itself cannot be read. */
    static final int IO_ERROR = 18;
    /** AIDE's EXEC_ERROR: an {@code @@x_include} program failed. */
    static final int EXEC_ERROR = 20;

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();
    private int exitCode;

    void error(Origin origin, String message) {
        error(origin.source(), origin.line(), message, CONFIG_ERROR);
    }

    void error(String source, int line, String message, int code) {
        errors.add(new ConfigProblem(source, Math.max(0, line), message));
        if (exitCode == 0) {
            exitCode = code;
        }
    }

    /**
     * Puts the errors added since {@code mark} in line order: AIDE lexes and parses a file in one pass,
     * so a block error (a stray {@code @@endif}) comes before a bad character further down.
     */
    void sortErrorsSince(int mark) {
        errors.subList(mark, errors.size()).sort(java.util.Comparator.comparingInt(ConfigProblem::line));
    }

    void warn(Origin origin, String message) {
        warnings.add(new ConfigProblem(origin.source(), Math.max(0, origin.line()), message));
    }

    List<ConfigProblem> errors() {
        return List.copyOf(errors);
    }

    List<ConfigProblem> warnings() {
        return List.copyOf(warnings);
    }

    int errorCount() {
        return errors.size();
    }

    /** 0 without errors, else the AIDE exit code of the first error. */
    int exitCode() {
        return exitCode;
    }
}
