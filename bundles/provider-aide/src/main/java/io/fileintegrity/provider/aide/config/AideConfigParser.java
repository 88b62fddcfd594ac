package io.fileintegrity.provider.aide.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads aide.conf in AIDE 0.18's dialect: {@code -B} lines, then the config, then {@code -A} lines, each
 * evaluated top to bottom with includes expanded in place. Unlike AIDE, reading does not stop at the
 * first error: all problems are collected, each with its file and line.
 *
 * <p>Stateless and thread-safe. Never throws for bad input; a failure is a problem in the outcome.
 */
public final class AideConfigParser {

    private AideConfigParser() {
    }

    /**
     * Parses and evaluates a configuration.
     *
     * @param source the main text, its name for messages, and the files reachable by {@code @@include}
     * @param options FIPS policy, {@code -B}/{@code -A} lines, predefined variables, host name
     * @return the config, all problems and warnings, and AIDE's exit code
     */
    public static ParseOutcome parse(ConfigSource source, ParseOptions options) {
        Evaluation ev = new Evaluation(options, source.files());
        ConfigEvaluator evaluator = new ConfigEvaluator(ev);
        if (!options.beforeLines().isEmpty()) {
            evaluator.evaluateText("(--before)", joinLines(options.beforeLines()));
        }
        evaluator.evaluateText(source.name(), source.text());
        if (!options.afterLines().isEmpty()) {
            evaluator.evaluateText("(--after)", joinLines(options.afterLines()));
        }
        AideConfig config = new AideConfig(ev.options, ev.rules, ev.groups.snapshot(), ev.dropped);
        return new ParseOutcome(config, ev.problems.errors(), ev.problems.warnings(), ev.problems.exitCode());
    }

    /**
     * Parses a config file; if it cannot be read the outcome has one problem naming the path and exit
     * code 18, as AIDE's "cannot open config file".
     */
    public static ParseOutcome parse(Path configFile, ParseOptions options) {
        ConfigSource source;
        try {
            source = ConfigSource.ofFile(configFile);
        } catch (IOException e) {
            ProblemLog log = new ProblemLog();
            String reason = e instanceof NoSuchFileException ? "No such file or directory" : String.valueOf(e.getMessage());
            log.error(configFile.toString(), 0, "cannot open config file '" + configFile + "': " + reason,
                    ProblemLog.IO_ERROR);
            AideConfig empty = new AideConfig(new OptionState(), List.of(), new GroupTable().snapshot(), List.of());
            return new ParseOutcome(empty, log.errors(), List.of(), log.exitCode());
        }
        return parse(source, options);
    }

    private static String joinLines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
