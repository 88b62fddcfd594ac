package io.fileintegrity.provider.aide.config;

import io.fileintegrity.provider.aide.config.Statement.IncludeStatement;
import io.fileintegrity.provider.aide.config.Statement.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code @@include} and {@code @@x_include} of a file or of a directory's matching files, with rule
 * prefixes, AIDE's depth limit of 16, and (beyond AIDE) detection of include loops.
 */
final class IncludeEvaluator {

    private static final int MAX_DEPTH = 16;

    /** Where evaluation is: include depth, rule prefix in force, and the chain of files being read. */
    record Scope(int depth, String prefix, List<String> chain) {
        Scope enter(String file, String newPrefix) {
            List<String> longer = new ArrayList<>(chain);
            longer.add(file);
            return new Scope(depth + 1, newPrefix, List.copyOf(longer));
        }
    }

    private final Evaluation ev;
    private final ConfigEvaluator evaluator;

    IncludeEvaluator(Evaluation ev, ConfigEvaluator evaluator) {
        this.ev = ev;
        this.evaluator = evaluator;
    }

    void apply(IncludeStatement st, Scope scope) {
        Origin at = st.origin();
        String keyword = st.execute() ? "@@x_include" : "@@include";
        if (scope.depth() + 1 >= MAX_DEPTH) {
            ev.problems.error(at, "include files are nested too deeply");
            return;
        }
        String path = ev.expand(st.path());
        if (st.regex() == null) {
            includeSingleFile(keyword, path, st.execute(), at, scope);
            return;
        }
        String prefix = st.prefix() == null ? null : ev.expand(st.prefix());
        if (prefix != null && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (prefix != null && !prefix.startsWith("/")) {
            ev.problems.error(at, "'" + keyword + "': invalid rule prefix '" + prefix + "': expected '/' as first character");
            return;
        }
        String nested = scope.prefix() == null ? prefix : prefix == null ? scope.prefix() : scope.prefix() + prefix;
        includeDirectory(keyword, path, ev.expand(st.regex()), st.execute(), at, new Scope(scope.depth(), nested,
                scope.chain()));
    }

    private void includeSingleFile(String keyword, String path, boolean execute, Origin at, Scope scope) {
        ConfigFiles.Kind kind = ev.files.kind(path);
        if (kind == ConfigFiles.Kind.MISSING) {
            ev.problems.error(at, "'" + keyword + "': cannot include '" + path + "': No such file or directory");
        } else if (kind != ConfigFiles.Kind.REGULAR) {
            ev.problems.error(at, "'" + keyword + "': '" + path + "' is not a regular file");
        } else {
            includeFile(keyword, path, execute && ev.files.isExecutable(path), at, scope);
        }
    }

    private void includeDirectory(String keyword, String dir, String regex, boolean execute, Origin at, Scope scope) {
        Pattern names;
        try {
            names = RegexTranslator.compile(regex);
        } catch (PatternSyntaxException e) {
            ev.problems.error(at, "'" + keyword + "': error in regular expression '" + regex + "': " + e.getDescription());
            return;
        }
        if (execute && refused(dir, at)) {
            return;
        }
        List<String> entries;
        try {
            entries = ev.files.list(dir);
        } catch (IOException e) {
            ev.problems.error(at, "'" + keyword + "': failed to open directory '" + dir + "': " + reason(e));
            return;
        }
        for (String name : entries) {
            String file = dir + "/" + name;
            if (ev.files.kind(file) == ConfigFiles.Kind.REGULAR && names.matcher(name).find()) {
                includeFile(keyword, file, execute && ev.files.isExecutable(file), at, scope);
            }
        }
    }

    private void includeFile(String keyword, String file, boolean execute, Origin at, Scope scope) {
        if (scope.chain().contains(file)) {
            ev.problems.error(at, "'" + keyword + "': include loop: " + String.join(" -> ", scope.chain()) + " -> " + file);
            return;
        }
        if (execute && refused(file, at)) {
            return;
        }
        String text = execute ? run(file, at) : read(keyword, file, at);
        if (text != null) {
            String source = execute ? file + " (stdout)" : file;
            evaluator.evaluate(FileParser.parse(source, text, ev.problems), scope.enter(file, scope.prefix()));
        }
    }

    private String read(String keyword, String file, Origin at) {
        try {
            return ev.files.read(file);
        } catch (IOException e) {
            ev.problems.error(at, "'" + keyword + "': cannot read '" + file + "': " + reason(e));
            return null;
        }
    }

    private String run(String file, Origin at) {
        try {
            ConfigFiles.ExecResult result = ev.files.execute(file, ev.execEnvironment);
            if (result.exitCode() == 0 && result.stderr().isEmpty()) {
                return result.stdout();
            }
            String stderr = result.stderr().isEmpty() ? "" : ", stderr: " + result.stderr().strip();
            ev.problems.error(at.source(), at.line(), "'@@x_include': " + file + ": execution failed (exit status: "
                    + result.exitCode() + stderr + ")", ProblemLog.EXEC_ERROR);
        } catch (IOException e) {
            ev.problems.error(at.source(), at.line(), "'@@x_include': " + file + ": " + reason(e), ProblemLog.EXEC_ERROR);
        }
        return null;
    }

    private boolean refused(String path, Origin at) {
        String refusal = ev.files.executionRefusal(path);
        if (refusal != null) {
            ev.problems.error(at, "'@@x_include': " + refusal);
        }
        return refusal != null;
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
